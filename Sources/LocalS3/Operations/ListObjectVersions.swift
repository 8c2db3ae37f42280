/// `GET /bucket?versions`: LocalS3 does not version, so each current object is its one `null` version.
enum ListObjectVersions: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let parameters = try ListingParameters(context.request)
        let marker = context.request.queryValue("key-marker")
        let page = try ListingPage.list(
            store: context.store, bucket: bucket, prefix: parameters.prefix, delimiter: parameters.delimiter,
            after: marker.flatMap { $0.isEmpty ? nil : Array($0.utf8) }, maxKeys: parameters.maxKeys)
        var xml = XMLWriter(root: "ListVersionsResult")
        parameters.writeCommonFields(&xml, bucket: bucket)
        xml.element("KeyMarker", parameters.show(Array((marker ?? "").utf8)))
        xml.element("VersionIdMarker", "")
        xml.element("IsTruncated", page.isTruncated ? "true" : "false")
        if page.isTruncated, let last = page.lastReturned {
            xml.element("NextKeyMarker", parameters.show(last))
            xml.element("NextVersionIdMarker", "null")
        }
        for (key, metadata) in page.contents {
            xml.group("Version") {
                $0.element("Key", parameters.show(key.bytes))
                $0.element("VersionId", "null")
                $0.element("IsLatest", "true")
                $0.element("LastModified", HTTPDate.iso8601(metadata.lastModified))
                $0.element("ETag", "\"\(metadata.etag)\"")
                $0.element("Size", String(metadata.size))
                $0.element("StorageClass", "STANDARD")
                $0.group("Owner") {
                    $0.element("ID", OwnerIdentity.id)
                    $0.element("DisplayName", OwnerIdentity.displayName)
                }
            }
        }
        for common in page.commonPrefixes {
            xml.group("CommonPrefixes") { $0.element("Prefix", parameters.show(common)) }
        }
        return .xml(xml)
    }
}
