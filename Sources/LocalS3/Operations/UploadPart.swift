import Foundation

/// `PUT /bucket/key?partNumber=N&uploadId=U`: stores one part (a re-sent part replaces it); with
/// `x-amz-copy-source` it copies a (ranged) part from another object.
enum UploadPart: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        let uploadID = context.request.queryValue("uploadId") ?? ""
        let partText = context.request.queryValue("partNumber") ?? ""
        guard let partNumber = Int(partText), (1...FileStore.maximumPartNumber).contains(partNumber) else {
            throw S3Error.invalidArgument(
                "partNumber", partText, "Part number must be an integer between 1 and 10000, inclusive")
        }
        _ = try context.store.multipartUpload(bucket: bucket, key: key, uploadID: uploadID)
        if context.header("x-amz-copy-source") != nil {
            return try await copyPart(context, bucket: bucket, uploadID: uploadID, partNumber: partNumber)
        }
        let ingest = try await BodyIngest.receive(&context)
        var checksums: [ChecksumAlgorithm: String] = [:]
        if let checksum = ingest.checksum { checksums[checksum.algorithm] = checksum.value }
        let metadata = ObjectMetadata(
            size: ingest.digests.byteCount, etag: ingest.digests.md5Hex, lastModified: context.now, checksums: checksums
        )
        try await context.store.publishPart(
            ingest.staged, bucket: bucket, uploadID: uploadID, partNumber: partNumber, metadata: metadata)
        var response = S3Response(headers: [("ETag", "\"\(metadata.etag)\"")])
        for (algorithm, value) in checksums { response.headers.append((algorithm.headerName, value)) }
        return response
    }

    static func copyPart(_ context: OperationContext, bucket: String, uploadID: String, partNumber: Int) async throws
        -> S3Response
    {
        let (source, _) = try CopySource.open(context)
        let size = source.object.metadata.size
        var range: Range<Int64> = 0..<size
        if let header = context.header("x-amz-copy-source-range") {
            let bounds =
                header.lowercased().hasPrefix("bytes=")
                ? header.dropFirst("bytes=".count).split(separator: "-", omittingEmptySubsequences: false)
                    .map { Int64($0.trimmingCharacters(in: .whitespaces)) } : []
            guard bounds.count == 2, let first = bounds[0], let last = bounds[1], first >= 0, first <= last else {
                throw S3Error.invalidArgument(
                    "x-amz-copy-source-range", header,
                    "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy"
                )
            }
            // Unlike a GET range, a copy range is never clamped to the source.
            guard last < size else {
                throw S3Error(
                    .invalidRange, "The requested range is not satisfiable",
                    details: [.init("ActualObjectSize", String(size)), .init("RangeRequested", header)])
            }
            range = first..<(last + 1)
        }
        let staged = try context.store.stage(try BodyDigests(sha256: false, checksum: nil))
        try source.object.copy(range: range, into: staged)
        let results = staged.digests.finish()
        let metadata = ObjectMetadata(size: results.byteCount, etag: results.md5Hex, lastModified: context.now)
        try await context.store.publishPart(
            staged, bucket: bucket, uploadID: uploadID, partNumber: partNumber, metadata: metadata)
        var xml = XMLWriter(root: "CopyPartResult")
        xml.element("LastModified", HTTPDate.iso8601(metadata.lastModified))
        xml.element("ETag", "\"\(metadata.etag)\"")
        return .xml(xml)
    }
}
