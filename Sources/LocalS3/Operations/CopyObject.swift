import Foundation

/// `PUT /bucket/key` with `x-amz-copy-source`: copies bytes and (by default) metadata; REPLACE takes
/// the request's headers instead. Copying onto itself needs REPLACE.
enum CopyObject: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        try context.store.requireBucket(bucket)
        let (source, _) = try CopySource.open(context)
        let directive = (context.header("x-amz-metadata-directive") ?? "COPY").uppercased()
        guard directive == "COPY" || directive == "REPLACE" else {
            throw S3Error.invalidArgument("x-amz-metadata-directive", directive, "Unknown metadata directive.")
        }
        if source.bucket == bucket && source.key == key && directive == "COPY" {
            throw S3Error(
                .invalidRequest,
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes."
            )
        }
        let acl = try ACLAssignment.newObject(
            ACLAssignment.requested(context), access: context.access, writer: context.access.requester)
        let tagging = (context.header("x-amz-tagging-directive") ?? "COPY").uppercased()
        guard tagging == "COPY" || tagging == "REPLACE" else {
            throw S3Error.invalidArgument("x-amz-tagging-directive", tagging, "Unknown tagging directive.")
        }
        let condition = try WriteCondition.begin(
            context.request.headers, store: context.store, bucket: bucket, key: key)
        let original = source.object.metadata
        let headers = directive == "REPLACE" ? try StoredHeaders.from(context.request.headers) : original.storedHeaders
        let staged = try context.store.stage(
            try BodyDigests(md5: original.partSizes != nil, sha256: false, checksum: nil))
        try source.object.copy(range: 0..<original.size, into: staged)
        let results = staged.digests.finish()
        // A single-part source keeps its ETag; a multipart source becomes one part.
        let etag = original.partSizes == nil ? original.etag : results.md5Hex
        let metadata = ObjectMetadata(
            size: original.size, etag: etag, lastModified: context.now, headers: headers,
            checksums: original.partSizes == nil ? original.checksums : [:],
            checksumType: original.partSizes == nil ? original.checksumType : nil,
            acl: acl,
            tags: tagging == "REPLACE"
                ? try context.header("x-amz-tagging").map(TagSet.parseHeader) : original.tags)
        let stored = try await context.store.publish(
            staged, bucket: bucket, key: key, metadata: metadata, condition: condition)
        context.changes.append(ObjectChange.created("Copy", key: key, stored))
        var xml = XMLWriter(root: "CopyObjectResult")
        xml.element("LastModified", HTTPDate.iso8601(metadata.lastModified))
        xml.element("ETag", "\"\(metadata.etag)\"")
        for (algorithm, value) in metadata.checksums { xml.element(algorithm.xmlName, value) }
        var response = S3Response.xml(xml)
        if let version = stored.versionId { response.headers.append(("x-amz-version-id", version)) }
        if let version = source.object.metadata.versionId {
            response.headers.append(("x-amz-copy-source-version-id", version))
        }
        return response
    }
}

/// The object named by `x-amz-copy-source`, with its copy preconditions checked.
struct CopySource {
    let bucket: String
    let key: ObjectKey
    let object: StoredObject

    static func open(_ context: OperationContext) throws -> (CopySource, String) {
        guard let header = context.header("x-amz-copy-source") else {
            throw S3Error(
                .invalidArgument, "Copy Source must mention the source bucket and key: sourcebucket/sourcekey")
        }
        let (bucket, key, versionID) = try name(header)
        let object =
            try versionID.map { id in
                let version = try context.store.openVersion(bucket: bucket, key: key, versionID: id)
                guard !version.metadata.isDeleteMarker else {
                    throw S3Error(
                        .invalidRequest,
                        "The source of a copy request may not specifically refer to a delete marker by version id.")
                }
                return version
            } ?? context.store.openObject(bucket: bucket, key: key)
        try context.access.authorizeSource(object.metadata)
        try checkPreconditions(context.request.headers, object.metadata)
        return (CopySource(bucket: bucket, key: key, object: object), header)
    }

    /// The bucket, key and version `x-amz-copy-source` names (`bucket/key[?versionId=…]`, percent-encoded).
    static func name(_ header: String) throws -> (bucket: String, key: ObjectKey, versionID: String?) {
        var text = header
        var versionID: String?
        if let question = text.firstIndex(of: "?") {
            let query = text[text.index(after: question)...]
            if query.hasPrefix("versionId=") { versionID = String(query.dropFirst("versionId=".count)) }
            text = String(text[..<question])
        }
        guard var bytes = PercentCoding.decode(text) else {
            throw S3Error.invalidArgument("x-amz-copy-source", header, "Invalid copy source encoding")
        }
        if bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash + 1 < bytes.count else {
            throw S3Error.invalidArgument(
                "x-amz-copy-source", header,
                "Copy Source must mention the source bucket and key: sourcebucket/sourcekey")
        }
        let bucket = String(decoding: bytes[..<slash], as: UTF8.self)
        return (bucket, ObjectKey(bytes: Array(bytes[(slash + 1)...])), versionID)
    }

    static func checkPreconditions(_ headers: HeaderList, _ metadata: ObjectMetadata) throws {
        let modified = metadata.lastModified.timeIntervalSince1970.rounded(.down)
        if let match = headers["x-amz-copy-source-if-match"], !Conditionals.matches(match, metadata.etag) {
            throw Conditionals.failed("x-amz-copy-source-If-Match")
        }
        if let none = headers["x-amz-copy-source-if-none-match"], Conditionals.matches(none, metadata.etag) {
            throw Conditionals.failed("x-amz-copy-source-If-None-Match")
        }
        if let since = headers["x-amz-copy-source-if-unmodified-since"].flatMap(HTTPDate.parse),
            modified > since.timeIntervalSince1970
        {
            throw Conditionals.failed("x-amz-copy-source-If-Unmodified-Since")
        }
        if let since = headers["x-amz-copy-source-if-modified-since"].flatMap(HTTPDate.parse),
            modified <= since.timeIntervalSince1970
        {
            throw Conditionals.failed("x-amz-copy-source-If-Modified-Since")
        }
    }
}
