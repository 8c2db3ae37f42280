import Foundation
import Logging

/// LocalS3's authorization, in one place: `S3Service.admit` asks it once per request, before the body is
/// read. The rules are S3's, for a world without identity policies (every user has full rights in its own
/// account): the bucket owner's account may do anything a bucket policy does not explicitly deny; anyone
/// else (another account, or an unsigned request) needs an Allow in the bucket policy or an ACL grant.
/// Reads of an existing object also depend on the object's owner and ACL (when the bucket's ACLs count),
/// so for those the decision is finished by `AccessGrant.authorizeObject` once the object is open.
struct AccessEvaluator: Sendable {
    let users: S3Users
    let store: FileStore
    let logger: Logger
    let snapshots = BucketAccessCache()

    /// The outcome of one action's evaluation.
    enum Decision {
        case allow
        case deny(S3Error)
        /// Depends on the object: finished by the pending check.
        case needsObject(PendingObjectCheck)
    }

    static func accessDenied() -> S3Error { S3Error(.accessDenied, "Access Denied") }

    func snapshot(_ bucket: String) throws -> BucketAccessSnapshot? {
        try snapshots.snapshot(bucket, store: store, users: users, logger: logger)
    }

    /// Decides a request's access, or throws the refusal (AccessDenied, or NoSuchBucket for an unsigned
    /// request naming a missing bucket, as S3 answers).
    func admit(_ request: S3Request, operation: any S3Operation.Type, auth: AuthOutcome, now: Date) throws
        -> AccessGrant
    {
        let requester = auth.accessKey.flatMap(users.user(accessKey:))
        let evaluation = AccessEvaluation(evaluator: self, request: request, requester: requester, now: now)
        let requirement = AccessRequirement.of(request, operation: operation)
        if case .signedIn = requirement {
            guard requester != nil else { throw Self.accessDenied() }
            return AccessGrant(evaluation: evaluation, snapshot: try request.bucket.flatMap(snapshot))
        }
        guard let bucket = request.bucket, let snapshot = try snapshot(bucket) else {
            if requester == nil, let bucket = request.bucket { throw S3Error.noSuchBucket(bucket) }
            if requester == nil { throw Self.accessDenied() }
            return AccessGrant(evaluation: evaluation, snapshot: nil)
        }
        var grant = AccessGrant(evaluation: evaluation, snapshot: snapshot)
        switch requirement {
        case .signedIn, .perItem:
            break
        case .actions(let actions, let copySource):
            try Self.checkExpectedOwner(request.headers["x-amz-expected-bucket-owner"], snapshot)
            for action in actions {
                switch evaluation.decide(action, bucket: bucket, key: request.key, snapshot: snapshot) {
                case .allow: continue
                case .deny(let error): throw error
                case .needsObject(let check): grant.objectCheck = check
                }
            }
            if let copySource {
                grant.sourceCheck = try admitCopySource(copySource, evaluation: evaluation)
            }
        }
        return grant
    }

    /// The read of `x-amz-copy-source`; a missing source bucket is left to the operation to report.
    func admitCopySource(_ action: S3Action, evaluation: AccessEvaluation) throws -> PendingObjectCheck? {
        guard let header = evaluation.request.headers["x-amz-copy-source"],
            let source = try? CopySource.name(header),  // a malformed header is the operation's error to report
            let snapshot = try snapshot(source.bucket)
        else { return nil }
        try Self.checkExpectedOwner(evaluation.request.headers["x-amz-source-expected-bucket-owner"], snapshot)
        switch evaluation.decide(action, bucket: source.bucket, key: source.key, snapshot: snapshot) {
        case .allow: return nil
        case .deny(let error): throw error
        case .needsObject(let check): return check
        }
    }

    /// `x-amz-expected-bucket-owner`: 403 when the bucket belongs to another account.
    static func checkExpectedOwner(_ expected: String?, _ snapshot: BucketAccessSnapshot) throws {
        guard let expected else { return }
        guard expected == snapshot.ownerAccount else { throw accessDenied() }
    }

    /// Whether an ACL gives `permission` to the requester (public grants ignored under `IgnorePublicAcls`).
    static func aclAllows(
        _ grants: [ACLGrant], _ permission: ACLPermission?, requester: S3User?, block: PublicAccessBlockConfiguration
    ) -> Bool {
        guard let permission else { return false }
        return grants.contains {
            $0.permission.covers(permission) && $0.applies(to: requester) && !(block.ignorePublicAcls && $0.isPublic)
        }
    }
}

/// One request's evaluation inputs (who, which request, when), kept for the checks that come later.
struct AccessEvaluation: Sendable {
    let evaluator: AccessEvaluator
    let request: S3Request
    let requester: S3User?
    let now: Date
    var isFormUpload = false

    func context(_ snapshot: BucketAccessSnapshot, requester: S3User?) -> ConditionContext {
        ConditionContext(
            request: request, requester: requester, now: now, resourceAccount: snapshot.ownerAccount,
            isFormUpload: isFormUpload)
    }

    static func resource(bucket: String, key: ObjectKey?) -> String {
        key.map { "arn:aws:s3:::\(bucket)/\($0.description)" } ?? "arn:aws:s3:::\(bucket)"
    }

    /// One action on a bucket (or a key in it) for `requester` (by default the request's signer).
    func decide(
        _ action: S3Action, bucket: String, key: ObjectKey?, snapshot: BucketAccessSnapshot, as user: S3User?? = nil
    ) -> AccessEvaluator.Decision {
        let requester = user ?? self.requester
        let isOwner = requester?.canonicalID == snapshot.owner
        if snapshot.ownerOnly {
            return isOwner ? .allow : .deny(AccessEvaluator.accessDenied())
        }
        var verdict = BucketPolicy.Verdict.none
        if let policy = snapshot.policy {
            let resource = Self.resource(bucket: bucket, key: action.scope == .bucket ? nil : key)
            verdict = policy.evaluate(
                action: action, resource: resource, context: context(snapshot, requester: requester))
        }
        if case .deny = verdict, !(isOwner && action.isPolicyManagement) {
            return .deny(AccessEvaluator.accessDenied())
        }
        var policyAllows = false
        if case .allow = verdict {
            policyAllows = isOwner || !(snapshot.block.restrictPublicBuckets && snapshot.policyIsPublic)
        }
        if snapshot.isWebsite && action == .getObject { policyAllows = true }
        switch action.scope {
        case .bucket, .key:
            if isOwner { return .allow }
            if action.isPolicyManagement {
                return .deny(
                    policyAllows ? Router.methodNotAllowed(request.method, "BUCKET") : AccessEvaluator.accessDenied())
            }
            if policyAllows { return .allow }
            if snapshot.aclsEnabled,
                AccessEvaluator.aclAllows(
                    snapshot.grants, action.permission, requester: requester, block: snapshot.block)
            {
                return .allow
            }
            return .deny(AccessEvaluator.accessDenied())
        case .object:
            guard snapshot.aclsEnabled else {
                return isOwner || policyAllows ? .allow : .deny(AccessEvaluator.accessDenied())
            }
            return .needsObject(
                PendingObjectCheck(
                    evaluation: self, requester: requester, action: action, bucket: bucket, snapshot: snapshot,
                    policyAllows: policyAllows))
        }
    }
}

/// The part of a decision that waits for the object: its owner and ACL.
struct PendingObjectCheck: Sendable {
    let evaluation: AccessEvaluation
    let requester: S3User?
    let action: S3Action
    let bucket: String
    let snapshot: BucketAccessSnapshot
    /// The bucket policy (or the website stand-in) allows the action; it counts only for objects the
    /// bucket's owner owns.
    let policyAllows: Bool

    func authorize(_ metadata: ObjectMetadata) throws {
        let (owner, grants) = metadata.accessSettings(bucketOwner: snapshot.owner)
        if requester?.canonicalID == owner { return }
        if owner == snapshot.owner && policyAllows { return }
        if AccessEvaluator.aclAllows(grants, action.permission, requester: requester, block: snapshot.block) { return }
        throw AccessEvaluator.accessDenied()
    }

    /// The answer for an object that is not there: its 404 only to a caller who could have read it or may
    /// list the bucket, else AccessDenied (S3 does not reveal what exists).
    func missing(_ error: any Error) -> any Error {
        if requester?.canonicalID == snapshot.owner || policyAllows { return error }
        let list = evaluation.decide(.listBucket, bucket: bucket, key: nil, snapshot: snapshot, as: .some(requester))
        if case .allow = list { return error }
        return AccessEvaluator.accessDenied()
    }
}

/// What admission decided for one request, and the checks left for the objects it opens; every operation
/// gets it in its context.
struct AccessGrant: Sendable {
    let evaluation: AccessEvaluation
    /// The named bucket's settings (nil when it does not exist).
    let snapshot: BucketAccessSnapshot?
    var objectCheck: PendingObjectCheck?
    var sourceCheck: PendingObjectCheck?

    init(evaluation: AccessEvaluation, snapshot: BucketAccessSnapshot?) {
        self.evaluation = evaluation
        self.snapshot = snapshot
    }

    /// The signed-in user (nil for an unsigned request).
    var requester: S3User? { evaluation.requester }
    var users: S3Users { evaluation.evaluator.users }

    /// The bucket owner's canonical id (the default user's when the bucket is unknown).
    var bucketOwner: String {
        snapshot?.owner ?? users.defaultUser?.canonicalID ?? S3Account.canonicalID(of: S3Account.defaultID)
    }

    /// Finishes the decision for the request's object, once open.
    func authorizeObject(_ metadata: ObjectMetadata) throws { try objectCheck?.authorize(metadata) }

    /// Finishes the decision for the copy source, once open.
    func authorizeSource(_ metadata: ObjectMetadata) throws { try sourceCheck?.authorize(metadata) }

    /// What a caller learns when the request's object is missing.
    func objectMissing(_ error: any Error) -> any Error { objectCheck?.missing(error) ?? error }

    /// Decides one item of a per-item request (a key of DeleteObjects, a browser upload's signer).
    func authorize(_ action: S3Action, key: ObjectKey?, as user: S3User?? = nil, formUpload: Bool = false) throws {
        guard let snapshot, let bucket = evaluation.request.bucket else { return }
        var evaluation = evaluation
        evaluation.isFormUpload = formUpload
        if case .deny(let error) = evaluation.decide(action, bucket: bucket, key: key, snapshot: snapshot, as: user) {
            throw error
        }
    }
}
