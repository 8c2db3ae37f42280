/// `PUT|GET|DELETE /bucket?cors`: the bucket's CORS rules.
enum BucketCORS: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        switch context.request.method {
        case "PUT":
            let document = try XMLTree.parse(
                try await context.body.collect(limit: 64 * 1024), root: "CORSConfiguration")
            let rules = try document.all("CORSRule").map { rule -> CORSRule in
                let origins = rule.all("AllowedOrigin").map(\.text)
                let methods = rule.all("AllowedMethod").map(\.text)
                guard !origins.isEmpty, !methods.isEmpty else { throw S3Error.malformedXML() }
                for method in methods where !["GET", "PUT", "POST", "DELETE", "HEAD"].contains(method) {
                    throw S3Error(
                        .invalidRequest, "Found unsupported HTTP method in CORS config. Unsupported method is \(method)"
                    )
                }
                return CORSRule(
                    id: rule.value("ID"), allowedOrigins: origins, allowedMethods: methods,
                    allowedHeaders: rule.all("AllowedHeader").map(\.text),
                    exposeHeaders: rule.all("ExposeHeader").map(\.text),
                    maxAgeSeconds: rule.value("MaxAgeSeconds").flatMap { Int($0) })
            }
            guard !rules.isEmpty else { throw S3Error.malformedXML() }
            try context.store.updateBucketConfiguration(bucket) { $0.cors = rules }
            return S3Response()
        case "DELETE":
            try context.store.updateBucketConfiguration(bucket) { $0.cors = nil }
            return S3Response(status: 204)
        default:
            guard let rules = try context.store.bucketConfiguration(bucket).cors else {
                throw S3Error(
                    .noSuchCORSConfiguration, "The CORS configuration does not exist",
                    details: [.init("BucketName", bucket)])
            }
            var xml = XMLWriter(root: "CORSConfiguration")
            for rule in rules {
                xml.group("CORSRule") { xml in
                    xml.element("ID", rule.id)
                    for value in rule.allowedHeaders { xml.element("AllowedHeader", value) }
                    for value in rule.allowedMethods { xml.element("AllowedMethod", value) }
                    for value in rule.allowedOrigins { xml.element("AllowedOrigin", value) }
                    for value in rule.exposeHeaders { xml.element("ExposeHeader", value) }
                    xml.element("MaxAgeSeconds", rule.maxAgeSeconds.map(String.init))
                }
            }
            return .xml(xml)
        }
    }
}
