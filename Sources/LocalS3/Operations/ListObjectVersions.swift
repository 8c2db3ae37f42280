/// `GET /bucket?versions`: every version and delete marker in key order, newest first within a key, with
/// prefix, delimiter, `key-marker` / `version-id-marker` paging and `encoding-type=url`. In a bucket never
/// versioned each object is its one `null` version.
enum ListObjectVersions: S3Operation {
    /// One listed entry: a version (or delete marker) of a key.
    struct Entry {
        let key: ObjectKey
        let metadata: ObjectMetadata
        let isLatest: Bool
    }

    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let store = context.store
        let parameters = try ListingParameters(context.request)
        let keyMarker = context.request.queryValue("key-marker").flatMap { $0.isEmpty ? nil : Array($0.utf8) }
        let versionMarker = context.request.queryValue("version-id-marker").flatMap { $0.isEmpty ? nil : $0 }
        if versionMarker != nil && keyMarker == nil {
            throw S3Error.invalidArgument(
                "version-id-marker", versionMarker ?? "",
                "A version-id marker cannot be specified without a key marker.")
        }
        var entries: [Entry] = []
        var prefixes: [[UInt8]] = []
        var truncated = false
        var next: (key: [UInt8], version: String?)?
        var skipUnder: [UInt8]?
        if let keyMarker, versionMarker == nil,
            ListingPage.commonPrefix(of: keyMarker, prefix: parameters.prefix, delimiter: parameters.delimiter)
                == keyMarker
        {
            skipUnder = keyMarker
        }
        func room() -> Bool {
            if entries.count + prefixes.count < parameters.maxKeys { return true }
            truncated = parameters.maxKeys > 0
            return false
        }
        try store.walkKeys(bucket: bucket, prefix: parameters.prefix, after: versionMarker == nil ? keyMarker : nil) {
            key in
            if let keyMarker, key.bytes.lexicographicallyPrecedes(keyMarker) { return true }
            if let skip = skipUnder, key.hasPrefix(skip) { return true }
            if let rolled = ListingPage.commonPrefix(
                of: key.bytes, prefix: parameters.prefix, delimiter: parameters.delimiter)
            {
                guard prefixes.last != rolled else { return true }
                guard room() else { return false }
                prefixes.append(rolled)
                next = (rolled, nil)
                skipUnder = rolled
                return true
            }
            guard let current = try store.openIfPresent(store.objectPath(bucket, key))?.metadata else { return true }
            var versions = [current]
            versions += try store.noncurrentVersions(bucket: bucket, key: key, currentID: current.versionIdText)
            if let versionMarker, key.bytes == keyMarker {
                if let index = versions.firstIndex(where: { $0.versionIdText == versionMarker }) {
                    versions.removeFirst(index + 1)
                }
            }
            for (index, metadata) in versions.enumerated() {
                guard room() else { return false }
                entries.append(
                    Entry(
                        key: key, metadata: metadata,
                        isLatest: index == 0 && metadata.versionIdText == current.versionIdText))
                next = (key.bytes, metadata.versionIdText)
            }
            return true
        }
        var xml = XMLWriter(root: "ListVersionsResult")
        parameters.writeCommonFields(&xml, bucket: bucket)
        xml.element("KeyMarker", parameters.show(keyMarker ?? []))
        xml.element("VersionIdMarker", versionMarker ?? "")
        xml.element("IsTruncated", truncated ? "true" : "false")
        if truncated, let next {
            xml.element("NextKeyMarker", parameters.show(next.key))
            if let version = next.version { xml.element("NextVersionIdMarker", version) }
        }
        for entry in entries { write(entry, parameters: parameters, owners: context.access.ownerNames, into: &xml) }
        for common in prefixes {
            xml.group("CommonPrefixes") { $0.element("Prefix", parameters.show(common)) }
        }
        return .xml(xml)
    }

    static func write(_ entry: Entry, parameters: ListingParameters, owners: OwnerNames, into xml: inout XMLWriter) {
        let metadata = entry.metadata
        xml.group(metadata.isDeleteMarker ? "DeleteMarker" : "Version") {
            $0.element("Key", parameters.show(entry.key.bytes))
            $0.element("VersionId", metadata.versionIdText)
            $0.element("IsLatest", entry.isLatest ? "true" : "false")
            $0.element("LastModified", HTTPDate.iso8601(metadata.lastModified))
            if !metadata.isDeleteMarker {
                $0.element("ETag", "\"\(metadata.etag)\"")
                $0.element("Size", String(metadata.size))
                $0.element("StorageClass", "STANDARD")
            }
            owners.write(id: metadata.owner, into: &$0)
        }
    }
}
