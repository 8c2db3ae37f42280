/// `GET /bucket/key?uploadId=U`: the parts stored so far, in part order.
enum ListParts: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        let uploadID = context.request.queryValue("uploadId") ?? ""
        let record = try context.store.multipartUpload(bucket: bucket, key: key, uploadID: uploadID)
        let marker = Int(context.request.queryValue("part-number-marker") ?? "0") ?? 0
        let maxParts = min(1000, Int(context.request.queryValue("max-parts") ?? "1000") ?? 1000)
        let all = try context.store.listParts(bucket: bucket, key: key, uploadID: uploadID).filter {
            $0.partNumber > marker
        }
        let page = all.prefix(maxParts)
        var xml = XMLWriter(root: "ListPartsResult")
        xml.element("Bucket", bucket)
        xml.element("Key", key.description)
        xml.element("UploadId", uploadID)
        xml.element("PartNumberMarker", String(marker))
        if let last = page.last { xml.element("NextPartNumberMarker", String(last.partNumber)) }
        xml.element("MaxParts", String(maxParts))
        xml.element("IsTruncated", all.count > page.count ? "true" : "false")
        xml.element("StorageClass", "STANDARD")
        if let algorithm = record.checksumAlgorithm { xml.element("ChecksumAlgorithm", algorithm.rawValue) }
        for part in page {
            xml.group("Part") {
                $0.element("PartNumber", String(part.partNumber))
                $0.element("LastModified", HTTPDate.iso8601(part.metadata.lastModified))
                $0.element("ETag", "\"\(part.metadata.etag)\"")
                $0.element("Size", String(part.metadata.size))
                for (algorithm, value) in part.metadata.checksums { $0.element(algorithm.xmlName, value) }
            }
        }
        return .xml(xml)
    }
}

/// `GET /bucket?uploads`: uploads in progress.
enum ListMultipartUploads: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let prefix = Array((context.request.queryValue("prefix") ?? "").utf8)
        let uploads = try context.store.listMultipartUploads(bucket: bucket).filter { $0.record.key.hasPrefix(prefix) }
        var xml = XMLWriter(root: "ListMultipartUploadsResult")
        xml.element("Bucket", bucket)
        xml.element("KeyMarker", "")
        xml.element("UploadIdMarker", "")
        xml.element("Prefix", String(decoding: prefix, as: UTF8.self))
        xml.element("MaxUploads", "1000")
        xml.element("IsTruncated", "false")
        for (id, record) in uploads {
            xml.group("Upload") {
                $0.element("Key", record.key.description)
                $0.element("UploadId", id)
                let owners = context.access.ownerNames
                if let initiator = record.initiator {
                    $0.group("Initiator") {
                        $0.element("ID", initiator)
                        $0.element("DisplayName", initiator.split(separator: "/").last.map(String.init))
                    }
                } else {
                    owners.write(id: record.acl?.owner, role: "Initiator", into: &$0)
                }
                owners.write(id: record.acl?.owner, into: &$0)
                $0.element("StorageClass", "STANDARD")
                $0.element("Initiated", HTTPDate.iso8601(record.initiated))
            }
        }
        return .xml(xml)
    }
}
