/// Who owns the objects written into a bucket, and whether ACLs count (S3 Object Ownership).
public enum ObjectOwnership: String, Codable, Sendable, CaseIterable {
    /// ACLs are disabled; the bucket's owner owns every object (S3's default for new buckets since 2023).
    case bucketOwnerEnforced = "BucketOwnerEnforced"
    /// The bucket's owner owns objects written with `bucket-owner-full-control`; ACLs count.
    case bucketOwnerPreferred = "BucketOwnerPreferred"
    /// The writer owns what it writes; ACLs count.
    case objectWriter = "ObjectWriter"
}

/// A bucket's public access block (`PutPublicAccessBlock`); absent settings are false.
public struct PublicAccessBlockConfiguration: Codable, Sendable, Equatable {
    /// Refuse requests that set a public ACL (403).
    public var blockPublicAcls: Bool
    /// Evaluate ACLs as if their public grants were not there.
    public var ignorePublicAcls: Bool
    /// Refuse a public bucket policy (403).
    public var blockPublicPolicy: Bool
    /// With a public policy, only the bucket owner's account gets access through the policy.
    public var restrictPublicBuckets: Bool

    public init(
        blockPublicAcls: Bool = false, ignorePublicAcls: Bool = false, blockPublicPolicy: Bool = false,
        restrictPublicBuckets: Bool = false
    ) {
        self.blockPublicAcls = blockPublicAcls
        self.ignorePublicAcls = ignorePublicAcls
        self.blockPublicPolicy = blockPublicPolicy
        self.restrictPublicBuckets = restrictPublicBuckets
    }

    /// Every block on: what S3 gives a new bucket.
    public static let all = PublicAccessBlockConfiguration(
        blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true)
    static let none = PublicAccessBlockConfiguration()
}

/// Who may do what with a bucket: owner, ownership controls, public access block, ACL and policy, as kept
/// in `bucket.json`. A bucket stored before these were kept has none: it belongs to the default user, ACLs
/// count (with its `public-read` flag as the only grant), and nothing is blocked.
public struct BucketAccess: Codable, Sendable, Equatable {
    /// The owning account's canonical id (nil: the default user's account).
    public var owner: String?
    /// nil when the bucket has no ownership controls (objects then belong to their writers).
    public var ownership: ObjectOwnership?
    public var publicAccessBlock: PublicAccessBlockConfiguration?
    /// The bucket ACL's grants (nil: the owner's full control only).
    public var grants: [ACLGrant]?
    /// The bucket policy, as sent.
    public var policy: String?

    public init(
        owner: String?, ownership: ObjectOwnership? = nil, publicAccessBlock: PublicAccessBlockConfiguration? = nil,
        grants: [ACLGrant]? = nil, policy: String? = nil
    ) {
        self.owner = owner
        self.ownership = ownership
        self.publicAccessBlock = publicAccessBlock
        self.grants = grants
        self.policy = policy
    }

    /// A new bucket as S3 creates one today: ACLs disabled and every public access block on.
    public static func newBucket(owner: String?, ownership: ObjectOwnership = .bucketOwnerEnforced) -> BucketAccess {
        BucketAccess(owner: owner, ownership: ownership, publicAccessBlock: .all)
    }
}

extension BucketConfiguration {
    /// The bucket's access settings, with the older `publicRead` flag read as the grant it stood for.
    func accessSettings(defaultOwner: String) -> (owner: String, access: BucketAccess) {
        var access = access ?? BucketAccess(owner: nil)
        let owner = access.owner ?? defaultOwner
        if access.grants == nil && publicRead {
            access.grants = CannedACL.grants("public-read", owner: owner, bucketOwner: owner)
        }
        return (owner, access)
    }
}

extension ObjectMetadata {
    /// The object's owner and grants (an older object's `publicRead` flag read as the grant it stood for).
    func accessSettings(bucketOwner: String) -> (owner: String, grants: [ACLGrant]) {
        let owner = owner ?? bucketOwner
        if let grants { return (owner, grants) }
        return (owner, CannedACL.grants(publicRead ? "public-read" : "private", owner: owner, bucketOwner: owner))
    }
}

/// The owner and grants a new object gets (both nil: the bucket's owner, full control only).
public struct ObjectACL: Codable, Sendable, Equatable {
    /// The owning account's canonical id, when it is not the bucket's owner.
    public var owner: String?
    /// The grants, when they are more than the owner's full control.
    public var grants: [ACLGrant]?

    public init(owner: String? = nil, grants: [ACLGrant]? = nil) {
        self.owner = owner
        self.grants = grants
    }
}
