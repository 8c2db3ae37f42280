/// One page of a bucket listing, shared by ListObjects v1, v2 and ListObjectVersions (and the emulator's console).
public struct ListingPage: Sendable {
    public var contents: [(key: ObjectKey, metadata: ObjectMetadata)] = []
    public var commonPrefixes: [[UInt8]] = []
    public var isTruncated = false
    /// The last key or common prefix returned: where the next page resumes.
    public var lastReturned: [UInt8]?

    /// Walks keys in byte order after `after`, rolling keys up at `delimiter` into common prefixes.
    /// A common prefix counts as one entry; resuming after a common prefix skips everything under it.
    public static func list(
        store: FileStore, bucket: String, prefix: [UInt8], delimiter: [UInt8], after: [UInt8]?, maxKeys: Int
    ) throws -> ListingPage {
        var page = ListingPage()
        guard maxKeys > 0 else {
            try store.requireBucket(bucket)
            return page
        }
        var skipUnder: [UInt8]? = nil
        if let after, let rolled = commonPrefix(of: after, prefix: prefix, delimiter: delimiter), rolled == after {
            skipUnder = after
        }
        var count = 0
        try store.walkKeys(bucket: bucket, prefix: prefix, after: after) { key in
            if let skip = skipUnder, key.hasPrefix(skip) { return true }
            if let rolled = commonPrefix(of: key.bytes, prefix: prefix, delimiter: delimiter) {
                if page.commonPrefixes.last == rolled { return true }
                guard count < maxKeys else {
                    page.isTruncated = true
                    return false
                }
                page.commonPrefixes.append(rolled)
                page.lastReturned = rolled
                skipUnder = rolled
            } else {
                let object: StoredObject
                do {
                    object = try store.openObject(bucket: bucket, key: key)
                } catch let error as S3Error where error.code == .noSuchKey {
                    return true  // deleted since the walk listed it, or hidden by a delete marker
                }
                guard count < maxKeys else {
                    page.isTruncated = true
                    return false
                }
                page.contents.append((key, object.metadata))
                page.lastReturned = key.bytes
            }
            count += 1
            return true
        }
        return page
    }

    /// The key's common prefix: up to and including the first delimiter after `prefix`.
    static func commonPrefix(of key: [UInt8], prefix: [UInt8], delimiter: [UInt8]) -> [UInt8]? {
        guard !delimiter.isEmpty, key.count >= prefix.count + delimiter.count else { return nil }
        var index = prefix.count
        while index + delimiter.count <= key.count {
            if key[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                return Array(key[0..<(index + delimiter.count)])
            }
            index += 1
        }
        return nil
    }
}

/// Listing parameters common to both versions, validated.
struct ListingParameters {
    let prefix: [UInt8]
    let delimiter: [UInt8]
    let maxKeys: Int
    let urlEncoded: Bool

    init(_ request: S3Request) throws {
        prefix = Array((request.queryValue("prefix") ?? "").utf8)
        delimiter = Array((request.queryValue("delimiter") ?? "").utf8)
        if let text = request.queryValue("max-keys") {
            guard let value = Int(text), value >= 0 else {
                throw S3Error.invalidArgument(
                    "max-keys", text, "Provided max-keys not an integer or within integer range")
            }
            maxKeys = min(value, 1000)
        } else {
            maxKeys = 1000
        }
        if let encoding = request.queryValue("encoding-type") {
            guard encoding == "url" else {
                throw S3Error.invalidArgument("encoding-type", encoding, "Invalid Encoding Method specified in Request")
            }
            urlEncoded = true
        } else {
            urlEncoded = false
        }
    }

    /// A key or prefix as the response shows it.
    func show(_ bytes: [UInt8]) -> String {
        urlEncoded ? PercentCoding.encode(bytes, keepSlash: true) : String(decoding: bytes, as: UTF8.self)
    }

    func writeCommonFields(_ xml: inout XMLWriter, bucket: String) {
        xml.element("Name", bucket)
        xml.element("Prefix", show(prefix))
        if !delimiter.isEmpty { xml.element("Delimiter", show(delimiter)) }
        xml.element("MaxKeys", String(maxKeys))
        if urlEncoded { xml.element("EncodingType", "url") }
    }

    func writeEntries(_ xml: inout XMLWriter, page: ListingPage, owners: OwnerNames?) {
        for (key, metadata) in page.contents {
            xml.group("Contents") {
                $0.element("Key", show(key.bytes))
                $0.element("LastModified", HTTPDate.iso8601(metadata.lastModified))
                $0.element("ETag", "\"\(metadata.etag)\"")
                for algorithm in metadata.checksums.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                    $0.element("ChecksumAlgorithm", algorithm.rawValue)
                }
                $0.element("Size", String(metadata.size))
                $0.element("StorageClass", "STANDARD")
                owners?.write(id: metadata.owner, into: &$0)
            }
        }
        for common in page.commonPrefixes {
            xml.group("CommonPrefixes") { $0.element("Prefix", show(common)) }
        }
    }
}
