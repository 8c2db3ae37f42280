/// `PUT /bucket`: creates a bucket owned by the caller's account, as S3 creates one today (ACLs disabled
/// unless `x-amz-object-ownership` says otherwise, every public access block on). Re-creating one's own
/// bucket answers 200 (us-east-1) or BucketAlreadyOwnedByYou elsewhere, and never touches its contents;
/// another account's bucket answers BucketAlreadyExists.
enum CreateBucket: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let body = try await context.body.collect(limit: 64 * 1024)
        var region = context.region
        if !body.isEmpty {
            let document = try XMLTree.parse(body, root: "CreateBucketConfiguration")
            if let constraint = document.value("LocationConstraint"), !constraint.isEmpty { region = constraint }
        }
        var ownership = ObjectOwnership.bucketOwnerEnforced
        if let text = context.header("x-amz-object-ownership") {
            guard let parsed = ObjectOwnership(rawValue: text) else {
                throw S3Error.invalidArgument("x-amz-object-ownership", text, "Invalid x-amz-object-ownership header")
            }
            ownership = parsed
        }
        let owner = context.access.requester?.canonicalID ?? context.access.bucketOwner
        var access = BucketAccess.newBucket(owner: owner, ownership: ownership)
        access.grants = try ACLAssignment.newBucket(ACLAssignment.requested(context), owner: owner, access: access)
        if let existing = context.access.snapshot, existing.owner != owner {
            throw S3Error(
                .bucketAlreadyExists,
                "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                details: [.init("BucketName", bucket)])
        }
        let created = try context.store.createBucket(bucket, now: context.now, access: access)
        if !created && region != "us-east-1" {
            throw S3Error(
                .bucketAlreadyOwnedByYou,
                "Your previous request to create the named bucket succeeded and you already own it.",
                details: [.init("BucketName", bucket)])
        }
        return S3Response(headers: [("Location", "/\(bucket)")])
    }
}
