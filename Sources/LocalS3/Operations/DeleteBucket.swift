/// `DELETE /bucket`: 204, or BucketNotEmpty while it holds objects.
enum DeleteBucket: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        try context.store.deleteBucket(try context.bucket())
        return S3Response(status: 204)
    }
}
