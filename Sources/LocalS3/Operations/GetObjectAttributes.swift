import Foundation

/// `GET /bucket/key?attributes` with `x-amz-object-attributes`: ETag (unquoted), Checksum (with its type),
/// ObjectParts (paged by `x-amz-max-parts` / `x-amz-part-number-marker`), StorageClass, ObjectSize.
enum GetObjectAttributes: S3Operation {
    static let names: Set<String> = ["ETag", "Checksum", "ObjectParts", "StorageClass", "ObjectSize"]

    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        let requested = Set(
            context.request.headers.values("x-amz-object-attributes").flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        guard !requested.isEmpty, requested.isSubset(of: names) else {
            throw S3Error(.invalidArgument, "Invalid attribute name specified.")
        }
        let object = try GetObject.openRequested(context, bucket: bucket, key: key)
        let metadata = object.metadata
        var xml = XMLWriter(root: "GetObjectAttributesResponse")
        if requested.contains("ETag") { xml.element("ETag", metadata.etag) }
        if requested.contains("Checksum"), !metadata.checksums.isEmpty {
            xml.group("Checksum") { xml in
                for (algorithm, value) in metadata.checksums.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    xml.element(algorithm.xmlName, value)
                }
                xml.element("ChecksumType", metadata.checksumType)
            }
        }
        if requested.contains("ObjectParts"), let sizes = metadata.partSizes {
            try writeParts(sizes, context: context, into: &xml)
        }
        if requested.contains("StorageClass") { xml.element("StorageClass", "STANDARD") }
        if requested.contains("ObjectSize") { xml.element("ObjectSize", String(metadata.size)) }
        var response = S3Response.xml(xml)
        response.headers.append(("Last-Modified", HTTPDate.imf(metadata.lastModified)))
        if let version = metadata.versionId { response.headers.append(("x-amz-version-id", version)) }
        return response
    }

    static func writeParts(_ sizes: [Int64], context: OperationContext, into xml: inout XMLWriter) throws {
        let maxText = context.header("x-amz-max-parts") ?? "1000"
        let markerText = context.header("x-amz-part-number-marker") ?? "0"
        guard let maxParts = Int(maxText), maxParts >= 0 else {
            throw S3Error.invalidArgument("x-amz-max-parts", maxText, "Argument max-parts must be an integer.")
        }
        guard let marker = Int(markerText), marker >= 0 else {
            throw S3Error.invalidArgument(
                "x-amz-part-number-marker", markerText, "Argument part-number-marker must be an integer.")
        }
        let remaining = sizes.enumerated().filter { $0.offset + 1 > marker }
        let page = remaining.prefix(min(maxParts, 1000))
        xml.group("ObjectParts") { xml in
            xml.element("PartsCount", String(sizes.count))
            xml.element("PartNumberMarker", String(marker))
            if let last = page.last { xml.element("NextPartNumberMarker", String(last.offset + 1)) }
            xml.element("MaxParts", String(min(maxParts, 1000)))
            xml.element("IsTruncated", remaining.count > page.count ? "true" : "false")
            for (index, size) in page {
                xml.group("Part") {
                    $0.element("PartNumber", String(index + 1))
                    $0.element("Size", String(size))
                }
            }
        }
    }
}
