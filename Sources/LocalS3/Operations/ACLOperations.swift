/// `GET|PUT /bucket?acl`: the bucket ACL (always just the owner's full control under `BucketOwnerEnforced`,
/// where setting any other answers AccessControlListNotSupported).
enum BucketACLOperation: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        guard let snapshot = context.access.snapshot else { throw S3Error.noSuchBucket(bucket) }
        switch context.request.method {
        case "GET":
            let grants = snapshot.aclsEnabled ? snapshot.grants : [.user(snapshot.owner, .fullControl)]
            return AccessControlPolicyDocument.render(
                owner: snapshot.owner, grants: grants, users: context.access.users)
        case "PUT":
            let requested = try await ACLRequestBody.read(&context)
            let grants = try ACLAssignment.replacement(requested, owner: snapshot.owner, snapshot: snapshot)
            try context.store.updateBucketAccess(bucket, context: context) { $0.grants = grants }
            return S3Response()
        default:
            throw Router.methodNotAllowed(context.request.method, "BUCKET")
        }
    }
}

/// `GET|PUT /bucket/key?acl`: an object's ACL, changed without touching its bytes, ETag or date.
enum ObjectACLOperation: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        guard let snapshot = context.access.snapshot else { throw S3Error.noSuchBucket(bucket) }
        let object = try GetObject.openRequested(context, bucket: bucket, key: key)
        // Under `BucketOwnerEnforced` the bucket's owner owns every object, whoever wrote it.
        let settings = object.metadata.accessSettings(bucketOwner: snapshot.owner)
        let owner = snapshot.aclsEnabled ? settings.owner : snapshot.owner
        let grants = settings.grants
        var response: S3Response
        switch context.request.method {
        case "GET":
            response = AccessControlPolicyDocument.render(
                owner: owner, grants: snapshot.aclsEnabled ? grants : [.user(owner, .fullControl)],
                users: context.access.users)
        case "PUT":
            if let versionID = context.request.queryValue("versionId"),
                try context.store.openObject(bucket: bucket, key: key).metadata.versionIdText != versionID
            {
                throw S3Error(.notImplemented, "not implemented: changing the ACL of a noncurrent version in LocalS3")
            }
            let requested = try await ACLRequestBody.read(&context)
            let replacement = try ACLAssignment.replacement(requested, owner: owner, snapshot: snapshot)
            try await context.store.rewriteMetadata(bucket: bucket, key: key) {
                $0.grants = replacement
                $0.publicRead = false
            }
            response = S3Response()
        default:
            throw Router.methodNotAllowed(context.request.method, "OBJECT")
        }
        if let version = object.metadata.versionId { response.headers.append(("x-amz-version-id", version)) }
        return response
    }
}

/// The ACL a PutBucketAcl or PutObjectAcl request sets: from its headers or its `AccessControlPolicy` body
/// (not both; one of them is required).
enum ACLRequestBody {
    static func read(_ context: inout OperationContext) async throws -> RequestedACL {
        let fromHeaders = try ACLAssignment.requested(context)
        let body = try await context.body.collect(limit: 64 * 1024)
        if let fromHeaders {
            guard body.isEmpty else {
                throw S3Error(.unexpectedContent, "This request does not support content")
            }
            return fromHeaders
        }
        guard !body.isEmpty else {
            throw S3Error(
                .missingSecurityHeader, "Your request was missing a required header",
                details: [.init("MissingHeaderName", "x-amz-acl")])
        }
        return .grants(try AccessControlPolicyDocument.parse(body, users: context.access.users))
    }
}
