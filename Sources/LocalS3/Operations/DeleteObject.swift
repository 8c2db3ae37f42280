/// `DELETE /bucket/key`: 204 whether or not the key existed; with `If-Match`, only a matching object.
enum DeleteObject: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        try context.store.deleteObject(
            bucket: try context.bucket(), key: try context.key(), ifMatch: context.header("if-match"))
        return S3Response(status: 204)
    }
}
