/// The ACL a write gives its object or bucket, checked against the bucket's ownership controls and public
/// access block as S3 checks it: with `BucketOwnerEnforced` only the bucket owner's full control may be
/// sent (AccessControlListNotSupported otherwise); `BlockPublicAcls` refuses public grants.
enum ACLAssignment {
    static func notSupported() -> S3Error {
        S3Error(.accessControlListNotSupported, "The bucket does not allow ACLs")
    }

    /// Owner and grants of an object being written (PutObject, CopyObject, CreateMultipartUpload, POST).
    static func newObject(_ requested: RequestedACL?, access: AccessGrant, writer: S3User?) throws -> ObjectACL {
        guard let snapshot = access.snapshot else { return ObjectACL() }
        let bucketOwner = snapshot.owner
        guard snapshot.aclsEnabled else {
            guard requested == nil || givesBucketOwnerFullControl(requested, bucketOwner: bucketOwner) else {
                throw notSupported()
            }
            return ObjectACL()
        }
        var owner = writer?.canonicalID ?? bucketOwner
        if snapshot.access.ownership == .bucketOwnerPreferred
            && givesBucketOwnerFullControl(requested, bucketOwner: bucketOwner)
        {
            owner = bucketOwner
        }
        let grants = requested?.grants(owner: owner, bucketOwner: bucketOwner)
        try checkPublic(grants, snapshot: snapshot)
        return ObjectACL(
            owner: owner == bucketOwner ? nil : owner,
            grants: grants == [.user(owner, .fullControl)] ? nil : grants)
    }

    /// Grants replacing an existing object's or bucket's ACL (PutObjectAcl, PutBucketAcl); nil means the
    /// owner's full control only.
    static func replacement(_ requested: RequestedACL, owner: String, snapshot: BucketAccessSnapshot) throws
        -> [ACLGrant]?
    {
        let grants = requested.grants(owner: owner, bucketOwner: snapshot.owner)
        let ownerOnly = grants.allSatisfy { $0.id == snapshot.owner && $0.permission == .fullControl }
        guard snapshot.aclsEnabled || ownerOnly else { throw notSupported() }
        try checkPublic(grants, snapshot: snapshot)
        return grants == [.user(owner, .fullControl)] ? nil : grants
    }

    /// The grants of a bucket being created (nil: the owner's full control only).
    static func newBucket(_ requested: RequestedACL?, owner: String, access: BucketAccess) throws -> [ACLGrant]? {
        guard let grants = requested?.grants(owner: owner, bucketOwner: owner),
            grants != [.user(owner, .fullControl)]
        else { return nil }
        if access.ownership == .bucketOwnerEnforced {
            throw S3Error(
                .invalidBucketAclWithObjectOwnership,
                "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting")
        }
        if access.publicAccessBlock?.blockPublicAcls == true && grants.contains(where: \.isPublic) {
            throw S3Error(
                .invalidBucketAclWithBlockPublicAccess,
                "Bucket cannot have public ACLs set with BlockPublicAccess enabled")
        }
        return grants
    }

    static func givesBucketOwnerFullControl(_ requested: RequestedACL?, bucketOwner: String) -> Bool {
        switch requested {
        case .canned("bucket-owner-full-control"): true
        case .grants(let grants): grants.contains { $0.id == bucketOwner && $0.permission == .fullControl }
        default: false
        }
    }

    /// `BlockPublicAcls`: a public grant is refused (403).
    static func checkPublic(_ grants: [ACLGrant]?, snapshot: BucketAccessSnapshot) throws {
        if snapshot.block.blockPublicAcls, grants?.contains(where: \.isPublic) == true {
            throw AccessEvaluator.accessDenied()
        }
    }

    /// The ACL a request's headers ask for (`x-amz-acl`, `x-amz-grant-*`).
    static func requested(_ context: OperationContext, canned: String? = nil) throws -> RequestedACL? {
        try RequestedACL.from(
            headers: context.request.headers, canned: canned ?? context.header("x-amz-acl"), users: context.access.users
        )
    }
}
