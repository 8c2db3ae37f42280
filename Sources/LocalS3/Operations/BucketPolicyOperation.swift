import Foundation
import NIOCore

/// The bucket sub-resources of access control, and the operation each one names.
enum BucketAccessOperations {
    static func operation(for request: S3Request) -> (any S3Operation.Type)? {
        if request.hasQuery("policy") { return BucketPolicyOperation.self }
        if request.hasQuery("policyStatus") { return GetBucketPolicyStatus.self }
        if request.hasQuery("acl") { return BucketACLOperation.self }
        if request.hasQuery("ownershipControls") { return BucketOwnershipControls.self }
        if request.hasQuery("publicAccessBlock") { return BucketPublicAccessBlock.self }
        return nil
    }
}

/// `GET|PUT|DELETE /bucket?policy`: the bucket policy, validated on PUT (MalformedPolicy with S3's reason;
/// 403 for a public policy under `BlockPublicPolicy`) and answered as sent.
enum BucketPolicyOperation: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        switch context.request.method {
        case "PUT":
            let body = try await context.body.collect(limit: 4 * BucketPolicy.maximumSize)
            let text = String(decoding: body, as: UTF8.self)
            let policy = try BucketPolicy.parse(text, bucket: bucket, users: context.access.users)
            let block = try context.store.bucketConfiguration(bucket).access?.publicAccessBlock
            if block?.blockPublicPolicy == true && PolicyPublicity.isPublic(policy) {
                throw AccessEvaluator.accessDenied()
            }
            try context.store.updateBucketAccess(bucket, context: context) { $0.policy = text }
            return S3Response(status: 204)
        case "DELETE":
            try context.store.updateBucketAccess(bucket, context: context) { $0.policy = nil }
            return S3Response(status: 204)
        case "GET":
            guard let text = try context.store.bucketConfiguration(bucket).access?.policy else {
                throw noSuchPolicy(bucket)
            }
            return S3Response(
                status: 200, headers: [("Content-Type", "application/json")], body: .bytes(ByteBuffer(string: text)))
        default:
            throw Router.methodNotAllowed(context.request.method, "BUCKET")
        }
    }

    static func noSuchPolicy(_ bucket: String) -> S3Error {
        S3Error(.noSuchBucketPolicy, "The bucket policy does not exist", details: [.init("BucketName", bucket)])
    }
}

/// `GET /bucket?policyStatus`: whether the bucket policy is public, by S3's rule (`PolicyPublicity`).
enum GetBucketPolicyStatus: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        guard context.request.method == "GET" else { throw Router.methodNotAllowed(context.request.method, "BUCKET") }
        guard let text = try context.store.bucketConfiguration(bucket).access?.policy else {
            throw BucketPolicyOperation.noSuchPolicy(bucket)
        }
        let policy = try BucketPolicy.parse(text, bucket: bucket, users: context.access.users, strict: false)
        var xml = XMLWriter(root: "PolicyStatus")
        xml.element("IsPublic", PolicyPublicity.isPublic(policy) ? "true" : "false")
        return .xml(xml)
    }
}

extension FileStore {
    /// Changes a bucket's access settings, starting from what an older bucket implies (its owner and
    /// `public-read` flag), so the change keeps them.
    func updateBucketAccess(_ bucket: String, context: OperationContext, _ change: (inout BucketAccess) throws -> Void)
        throws
    {
        try updateBucketConfiguration(bucket) { configuration in
            var (owner, access) = configuration.accessSettings(defaultOwner: context.access.bucketOwner)
            access.owner = owner
            try change(&access)
            configuration.access = access
            configuration.publicRead = false
        }
    }
}
