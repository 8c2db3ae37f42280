/// `PUT /bucket`: creates a bucket; re-creating one's own bucket answers 200 (us-east-1) or
/// BucketAlreadyOwnedByYou elsewhere, and never touches its contents.
enum CreateBucket: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let body = try await context.body.collect(limit: 64 * 1024)
        var region = context.region
        if !body.isEmpty {
            let document = try XMLTree.parse(body, root: "CreateBucketConfiguration")
            if let constraint = document.value("LocationConstraint"), !constraint.isEmpty { region = constraint }
        }
        let publicRead = try CannedACL.isPublicRead(context.header("x-amz-acl"))
        let created = try context.store.createBucket(bucket, now: context.now, publicRead: publicRead)
        if !created && region != "us-east-1" {
            throw S3Error(
                .bucketAlreadyOwnedByYou,
                "Your previous request to create the named bucket succeeded and you already own it.",
                details: [.init("BucketName", bucket)])
        }
        return S3Response(headers: [("Location", "/\(bucket)")])
    }
}

/// The canned ACLs S3 knows; `public-read` and `public-read-write` open anonymous reads, the rest are
/// accepted and kept private.
enum CannedACL {
    static let names: Set<String> = [
        "private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read", "bucket-owner-read",
        "bucket-owner-full-control", "log-delivery-write",
    ]

    /// Whether `x-amz-acl` grants anonymous reads; InvalidArgument (400) for a name S3 does not know.
    static func isPublicRead(_ value: String?) throws -> Bool {
        guard let value else { return false }
        guard names.contains(value) else { throw S3Error.invalidArgument("x-amz-acl", value, "") }
        return value == "public-read" || value == "public-read-write"
    }
}
