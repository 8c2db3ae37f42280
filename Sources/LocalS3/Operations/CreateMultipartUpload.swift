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
        var type: String?
        if let text = context.header("x-amz-checksum-type") {
            let upper = text.uppercased()
            guard upper == "FULL_OBJECT" || upper == "COMPOSITE" else {
                throw S3Error.invalidArgument(
                    "x-amz-checksum-type", text, "Value for x-amz-checksum-type header is invalid.")
            }
            guard let algorithm else {
                throw S3Error(
                    .invalidRequest,
                    "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.")
            }
            if upper == "FULL_OBJECT" && ![.crc32, .crc32c, .crc64nvme].contains(algorithm) {
                throw S3Error(
                    .invalidRequest,
                    "The FULL_OBJECT checksum type cannot be used with the \(algorithm.rawValue.lowercased()) checksum algorithm."
                )
            }
            type = upper
        }
        let tags = try context.header("x-amz-tagging").map(TagSet.parseHeader)
        let id = try context.store.createMultipartUpload(
            bucket: bucket, key: key, headers: try StoredHeaders.from(context.request.headers),
            checksumAlgorithm: algorithm, checksumType: type, tags: tags,
            acl: try ACLAssignment.newObject(
                ACLAssignment.requested(context), access: context.access, writer: context.access.requester),
            initiator: context.access.requester?.arn, now: context.now)
        var xml = XMLWriter(root: "InitiateMultipartUploadResult")
        xml.element("Bucket", bucket)
        xml.element("Key", key.description)
        xml.element("UploadId", id)
        var response = S3Response.xml(xml)
        if let algorithm {
            response.headers.append(("x-amz-checksum-algorithm", algorithm.rawValue))
            response.headers.append(("x-amz-checksum-type", type ?? "COMPOSITE"))
        }
        return response
    }
}
