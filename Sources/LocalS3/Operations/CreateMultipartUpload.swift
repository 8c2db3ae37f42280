/// `POST /bucket/key?uploads`: starts an upload; headers and metadata come from this request.
enum CreateMultipartUpload: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        var algorithm: ChecksumAlgorithm?
        if let text = context.header("x-amz-checksum-algorithm") {
            guard let parsed = ChecksumAlgorithm(headerValue: text) else {
                throw S3Error.invalidArgument(
                    "x-amz-checksum-algorithm", text, "Checksum algorithm provided is unsupported.")
            }
            _ = try RunningChecksum(parsed)
            algorithm = parsed
        }
        let id = try context.store.createMultipartUpload(
            bucket: bucket, key: key, headers: try StoredHeaders.from(context.request.headers),
            checksumAlgorithm: algorithm, publicRead: CannedACL.isPublicRead(context.header("x-amz-acl")),
            now: context.now)
        var xml = XMLWriter(root: "InitiateMultipartUploadResult")
        xml.element("Bucket", bucket)
        xml.element("Key", key.description)
        xml.element("UploadId", id)
        var response = S3Response.xml(xml)
        if let algorithm {
            response.headers.append(("x-amz-checksum-algorithm", algorithm.rawValue))
            response.headers.append(("x-amz-checksum-type", "COMPOSITE"))
        }
        return response
    }
}
