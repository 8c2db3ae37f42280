import Foundation

/// `POST /bucket/key?uploadId=U`: joins the listed parts; ETag is `md5(part md5s)-N`.
enum CompleteMultipartUpload: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        let uploadID = context.request.queryValue("uploadId") ?? ""
        // A retry of a completed upload answers the earlier success, whatever the key holds now.
        let retry = try context.store.completedUpload(bucket: bucket, uploadID: uploadID) != nil
        let condition =
            retry
            ? nil : try WriteCondition.begin(context.request.headers, store: context.store, bucket: bucket, key: key)
        let body = try await context.body.collect(limit: 4 * 1024 * 1024)
        let document = try XMLTree.parse(body, root: "CompleteMultipartUpload")
        let parts = try document.all("Part").map { part -> CompletedPart in
            guard let numberText = part.value("PartNumber"), let number = Int(numberText), let etag = part.value("ETag")
            else { throw S3Error.malformedXML() }
            return CompletedPart(partNumber: number, etag: etag)
        }
        let headers = context.request.headers
        let expected = ChecksumAlgorithm.allCases.compactMap { algorithm in
            headers[algorithm.headerName].map { (algorithm, $0.trimmingCharacters(in: .whitespaces)) }
        }.first
        let metadata = try await context.store.completeMultipartUpload(
            bucket: bucket, key: key, uploadID: uploadID, parts: parts, now: context.now,
            condition: condition, expectedChecksum: expected)
        // A retried Complete answers the earlier success again; the object was created once.
        if !retry { context.changes.append(ObjectChange.created("CompleteMultipartUpload", key: key, metadata)) }
        var xml = XMLWriter(root: "CompleteMultipartUploadResult")
        xml.element("Location", "/\(bucket)/\(PercentCoding.encode(key.bytes, keepSlash: true))")
        xml.element("Bucket", bucket)
        xml.element("Key", key.description)
        xml.element("ETag", "\"\(metadata.etag)\"")
        for (algorithm, value) in metadata.checksums { xml.element(algorithm.xmlName, value) }
        if let type = metadata.checksumType { xml.element("ChecksumType", type) }
        var response = S3Response.xml(xml)
        if let version = metadata.versionId { response.headers.append(("x-amz-version-id", version)) }
        return response
    }
}
