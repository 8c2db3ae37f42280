/// `PUT /bucket/key`: stores a body atomically, returning its ETag and any verified checksum.
enum PutObject: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        try context.store.requireBucket(bucket)
        let headers = try StoredHeaders.from(context.request.headers)
        let acl = try ACLAssignment.newObject(
            ACLAssignment.requested(context), access: context.access, writer: context.access.requester)
        let tags = try context.header("x-amz-tagging").map(TagSet.parseHeader)
        let condition = try WriteCondition.begin(
            context.request.headers, store: context.store, bucket: bucket, key: key)
        let ingest = try await BodyIngest.receive(&context)
        var checksums: [ChecksumAlgorithm: String] = [:]
        if let checksum = ingest.checksum { checksums[checksum.algorithm] = checksum.value }
        let metadata = ObjectMetadata(
            size: ingest.digests.byteCount, etag: ingest.digests.md5Hex, lastModified: context.now, headers: headers,
            checksums: checksums, checksumType: checksums.isEmpty ? nil : "FULL_OBJECT", acl: acl,
            tags: tags)
        let stored = try await context.store.publish(
            ingest.staged, bucket: bucket, key: key, metadata: metadata, condition: condition)
        context.changes.append(ObjectChange.created("Put", key: key, stored))
        var response = S3Response(headers: [("ETag", "\"\(metadata.etag)\"")])
        if let version = stored.versionId { response.headers.append(("x-amz-version-id", version)) }
        for (algorithm, value) in checksums {
            response.headers.append((algorithm.headerName, value))
            response.headers.append(("x-amz-checksum-type", "FULL_OBJECT"))
        }
        return response
    }
}
