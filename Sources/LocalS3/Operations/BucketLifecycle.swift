/// `PUT|GET|DELETE /bucket?lifecycle`: expiration rules by prefix and days (enforced by `LifecycleSweeper`).
enum BucketLifecycle: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        switch context.request.method {
        case "PUT":
            let document = try XMLTree.parse(
                try await context.body.collect(limit: 256 * 1024), root: "LifecycleConfiguration")
            let rules = try document.all("Rule").enumerated().map { index, rule -> LifecycleRule in
                guard let status = rule.value("Status"), status == "Enabled" || status == "Disabled" else {
                    throw S3Error.malformedXML()
                }
                let prefix =
                    rule.child("Filter")?.value("Prefix") ?? rule.child("Filter")?.child("And")?.value("Prefix")
                    ?? rule.value("Prefix") ?? ""
                var days: Int?
                if let text = rule.child("Expiration")?.value("Days") {
                    guard let value = Int(text), value > 0 else {
                        throw S3Error(.invalidArgument, "'Days' for Expiration action must be a positive integer")
                    }
                    days = value
                }
                let abortDays = rule.child("AbortIncompleteMultipartUpload")?.value("DaysAfterInitiation").flatMap {
                    Int($0)
                }
                return LifecycleRule(
                    id: rule.value("ID") ?? "rule-\(index + 1)", prefix: prefix, enabled: status == "Enabled",
                    expirationDays: days, abortIncompleteUploadDays: abortDays)
            }
            guard !rules.isEmpty else { throw S3Error.malformedXML() }
            try context.store.updateBucketConfiguration(bucket) { $0.lifecycle = rules }
            return S3Response()
        case "DELETE":
            try context.store.updateBucketConfiguration(bucket) { $0.lifecycle = nil }
            return S3Response(status: 204)
        default:
            guard let rules = try context.store.bucketConfiguration(bucket).lifecycle else {
                throw S3Error(
                    .noSuchLifecycleConfiguration, "The lifecycle configuration does not exist",
                    details: [.init("BucketName", bucket)])
            }
            var xml = XMLWriter(root: "LifecycleConfiguration")
            for rule in rules {
                xml.group("Rule") { xml in
                    xml.element("ID", rule.id)
                    xml.group("Filter") { $0.element("Prefix", rule.prefix) }
                    xml.element("Status", rule.enabled ? "Enabled" : "Disabled")
                    if let days = rule.expirationDays { xml.group("Expiration") { $0.element("Days", String(days)) } }
                    if let days = rule.abortIncompleteUploadDays {
                        xml.group("AbortIncompleteMultipartUpload") { $0.element("DaysAfterInitiation", String(days)) }
                    }
                }
            }
            return .xml(xml)
        }
    }
}
