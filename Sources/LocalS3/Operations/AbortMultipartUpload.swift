/// `DELETE /bucket/key?uploadId=U`: drops the upload and its parts.
enum AbortMultipartUpload: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        try context.store.abortMultipartUpload(
            bucket: try context.bucket(), key: try context.key(), uploadID: context.request.queryValue("uploadId") ?? ""
        )
        return S3Response(status: 204)
    }
}
