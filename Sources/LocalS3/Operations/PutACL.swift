/// `PUT /bucket?acl` and `PUT /bucket/key?acl`: only canned ACLs; `public-read` opens anonymous reads.
enum PutACL: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        guard let canned = context.header("x-amz-acl") else {
            throw S3Error(.notImplemented, "not implemented: ACL grant documents in LocalS3 (use the x-amz-acl header)")
        }
        let publicRead = try CannedACL.isPublicRead(canned)
        if context.request.key != nil {
            throw S3Error(
                .notImplemented,
                "not implemented: object ACL changes after upload in LocalS3 (send x-amz-acl with the PUT)")
        }
        try context.store.updateBucketConfiguration(bucket) { $0.publicRead = publicRead }
        return S3Response()
    }
}
