/// `DELETE /bucket/key`: 204 whether or not the key existed.
enum DeleteObject: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        try context.store.deleteObject(bucket: try context.bucket(), key: try context.key())
        return S3Response(status: 204)
    }
}
