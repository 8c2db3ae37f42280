/// `PUT|GET|DELETE /bucket?website`: static website settings (served by `WebsiteServer`).
enum BucketWebsite: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        switch context.request.method {
        case "PUT":
            let document = try XMLTree.parse(
                try await context.body.collect(limit: 64 * 1024), root: "WebsiteConfiguration")
            let redirect = document.child("RedirectAllRequestsTo")
            let suffix = document.child("IndexDocument")?.value("Suffix")
            guard redirect != nil || suffix != nil else {
                throw S3Error(
                    .invalidArgument,
                    "A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty")
            }
            if let suffix, suffix.isEmpty || suffix.contains("/") {
                throw S3Error(.invalidArgument, "The IndexDocument Suffix is not well formed")
            }
            let website = WebsiteConfiguration(
                indexSuffix: suffix, errorDocumentKey: document.child("ErrorDocument")?.value("Key"),
                redirectAllRequestsToHost: redirect?.value("HostName"),
                redirectAllRequestsProtocol: redirect?.value("Protocol"))
            try context.store.updateBucketConfiguration(bucket) { $0.website = website }
            return S3Response()
        case "DELETE":
            try context.store.updateBucketConfiguration(bucket) { $0.website = nil }
            return S3Response(status: 204)
        default:
            guard let website = try context.store.bucketConfiguration(bucket).website else {
                throw S3Error(
                    .noSuchWebsiteConfiguration, "The specified bucket does not have a website configuration",
                    details: [.init("BucketName", bucket)])
            }
            var xml = XMLWriter(root: "WebsiteConfiguration")
            if let host = website.redirectAllRequestsToHost {
                xml.group("RedirectAllRequestsTo") {
                    $0.element("HostName", host)
                    $0.element("Protocol", website.redirectAllRequestsProtocol)
                }
            }
            if let suffix = website.indexSuffix { xml.group("IndexDocument") { $0.element("Suffix", suffix) } }
            if let key = website.errorDocumentKey { xml.group("ErrorDocument") { $0.element("Key", key) } }
            return .xml(xml)
        }
    }
}
