import Logging
import Synchronization

/// A bucket's access settings in the form the evaluator reads them: owner, ACL, parsed policy and public
/// access block. Built once per version of `bucket.json` and shared (a class: requests pass it around).
final class BucketAccessSnapshot: Sendable {
    /// The owning account's canonical id.
    let owner: String
    /// The owning account's id, when a configured user belongs to it.
    let ownerAccount: String?
    let access: BucketAccess
    let block: PublicAccessBlockConfiguration
    /// The bucket ACL (the owner's full control when none was set).
    let grants: [ACLGrant]
    let policy: BucketPolicy?
    let policyIsPublic: Bool
    /// A website bucket: LocalS3 lets anyone read its objects, standing in for the public-read policy such
    /// a bucket has on AWS (templates declare it in a resource LocalS3 does not model).
    let isWebsite: Bool

    /// The bucket's event notifications, read from the same `bucket.json`, so a write that may emit events
    /// does not read the file again.
    let notification: NotificationConfiguration?

    /// False under `BucketOwnerEnforced`: ACLs are neither evaluated nor accepted.
    var aclsEnabled: Bool { access.ownership != .bucketOwnerEnforced }

    /// True when only the owner's account has any access (no policy, no website, ACLs disabled): the
    /// evaluator then needs nothing but an owner check.
    let ownerOnly: Bool

    init(configuration: BucketConfiguration, bucket: String, users: S3Users, logger: Logger) {
        let defaultOwner = users.defaultUser?.canonicalID ?? S3Account.canonicalID(of: S3Account.defaultID)
        let (owner, access) = configuration.accessSettings(defaultOwner: defaultOwner)
        self.owner = owner
        ownerAccount = users.all.first { $0.canonicalID == owner }?.accountID
        self.access = access
        block = access.publicAccessBlock ?? .none
        grants = access.grants ?? [.user(owner, .fullControl)]
        var policy: BucketPolicy?
        if let text = access.policy {
            do {
                policy = try BucketPolicy.parse(text, bucket: bucket, users: users, strict: false)
            } catch {
                logger.error(
                    "stored bucket policy unreadable; evaluating the bucket without it",
                    metadata: ["bucket": "\(bucket)", "error": "\(error)"])
            }
        }
        self.policy = policy
        policyIsPublic = policy.map(PolicyPublicity.isPublic) ?? false
        isWebsite = configuration.website != nil
        notification = configuration.notification
        ownerOnly = policy == nil && !isWebsite && access.ownership == .bucketOwnerEnforced
    }
}

/// Snapshots by bucket name, each valid while `bucket.json` is the same file (a change writes a new file,
/// so a `stat` tells whether the snapshot is current). Bounded; emptied when full.
final class BucketAccessCache: Sendable {
    static let capacity = 1024
    private let entries = Mutex<[String: (identity: FileIdentity, snapshot: BucketAccessSnapshot)]>([:])

    /// The bucket's current snapshot; nil when the bucket does not exist.
    func snapshot(_ bucket: String, store: FileStore, users: S3Users, logger: Logger) throws -> BucketAccessSnapshot? {
        let cached = entries.withLock { $0[bucket] }
        // A cached name was checked when it was cached; any other must be a valid name before it becomes a path.
        guard cached != nil || BucketName.isValid(bucket), let identity = FileIdentity(path: store.configPath(bucket))
        else { return nil }
        if let cached, cached.identity == identity { return cached.snapshot }
        let configuration: BucketConfiguration
        do {
            configuration = try store.bucketConfiguration(bucket)
        } catch let error as S3Error where error.code == .noSuchBucket {
            return nil
        }
        let snapshot = BucketAccessSnapshot(configuration: configuration, bucket: bucket, users: users, logger: logger)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[bucket] = (identity, snapshot)
        }
        return snapshot
    }
}
