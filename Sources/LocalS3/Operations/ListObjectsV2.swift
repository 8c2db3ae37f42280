import AWSSignature

/// `GET /bucket?list-type=2`: keys in byte order with prefix, delimiter, max-keys, start-after,
/// continuation tokens (opaque hex of where to resume) and `encoding-type=url`.
enum ListObjectsV2: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let request = context.request
        let parameters = try ListingParameters(request)
        let token = request.queryValue("continuation-token")
        let startAfter = request.queryValue("start-after")
        var after: [UInt8]? = startAfter.map { Array($0.utf8) }
        if let token, !token.isEmpty {
            guard let decoded = Hex.decode(token), !decoded.isEmpty else {
                throw S3Error.invalidArgument(
                    "continuation-token", token, "The continuation token provided is incorrect")
            }
            after = decoded
        }
        let page = try ListingPage.list(
            store: context.store, bucket: bucket, prefix: parameters.prefix, delimiter: parameters.delimiter,
            after: after, maxKeys: parameters.maxKeys)
        var xml = XMLWriter(root: "ListBucketResult")
        parameters.writeCommonFields(&xml, bucket: bucket)
        xml.element("KeyCount", String(page.contents.count + page.commonPrefixes.count))
        xml.element("IsTruncated", page.isTruncated ? "true" : "false")
        if let token { xml.element("ContinuationToken", token) }
        if page.isTruncated, let last = page.lastReturned { xml.element("NextContinuationToken", Hex.encode(last)) }
        if let startAfter { xml.element("StartAfter", parameters.show(Array(startAfter.utf8))) }
        parameters.writeEntries(
            &xml, page: page, owners: request.queryValue("fetch-owner") == "true" ? context.access.ownerNames : nil)
        return .xml(xml)
    }
}
