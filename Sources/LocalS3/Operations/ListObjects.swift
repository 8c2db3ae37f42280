/// `GET /bucket` (ListObjects v1): like v2 but resumes from `marker`; NextMarker only with a delimiter.
enum ListObjects: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let parameters = try ListingParameters(context.request)
        let marker = context.request.queryValue("marker")
        let page = try ListingPage.list(
            store: context.store, bucket: bucket, prefix: parameters.prefix, delimiter: parameters.delimiter,
            after: marker.flatMap { $0.isEmpty ? nil : Array($0.utf8) }, maxKeys: parameters.maxKeys)
        var xml = XMLWriter(root: "ListBucketResult")
        parameters.writeCommonFields(&xml, bucket: bucket)
        xml.element("Marker", parameters.show(Array((marker ?? "").utf8)))
        xml.element("IsTruncated", page.isTruncated ? "true" : "false")
        if page.isTruncated, !parameters.delimiter.isEmpty, let last = page.lastReturned {
            xml.element("NextMarker", parameters.show(last))
        }
        parameters.writeEntries(&xml, page: page, owners: context.access.ownerNames)
        return .xml(xml)
    }
}
