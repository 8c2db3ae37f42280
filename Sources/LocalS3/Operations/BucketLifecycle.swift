import Foundation

/// `PUT|GET|DELETE /bucket?lifecycle`: expiration rules by prefix and days or date (enforced by
/// `LifecycleSweeper`), validated as S3 does; a rule is answered back in the form it was sent.
enum BucketLifecycle: S3Operation {
    static let maximumIDLength = 255

    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        switch context.request.method {
        case "PUT":
            let document = try XMLTree.parse(
                try await context.body.collect(limit: 256 * 1024), root: "LifecycleConfiguration")
            let rules = try document.all("Rule").enumerated().map { index, rule in try parseRule(rule, index: index) }
            guard !rules.isEmpty else { throw S3Error.malformedXML() }
            var seen = Set<String>()
            for rule in rules where !seen.insert(rule.id).inserted {
                throw S3Error.invalidArgument(
                    "ID", rule.id, "Rule ID must be unique. Found same ID for more than one rule")
            }
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
            for rule in rules { write(rule, into: &xml) }
            return .xml(xml)
        }
    }

    static func parseRule(_ rule: XMLTree, index: Int) throws -> LifecycleRule {
        guard let status = rule.value("Status"), status == "Enabled" || status == "Disabled" else {
            throw S3Error.malformedXML()
        }
        let id = rule.value("ID") ?? "rule-\(index + 1)"
        guard id.count <= maximumIDLength else {
            throw S3Error.invalidArgument("ID", id, "ID length should not exceed allowed limit of 255")
        }
        let filter = rule.child("Filter")
        let legacy = rule.value("Prefix")
        if filter != nil && legacy != nil { throw S3Error.malformedXML() }
        let prefix = filter?.value("Prefix") ?? filter?.child("And")?.value("Prefix") ?? legacy ?? ""
        var days: Int?
        var date: String?
        if let expiration = rule.child("Expiration") {
            if let text = expiration.value("Days") {
                guard let value = Int(text), value > 0 else {
                    throw S3Error(.invalidArgument, "'Days' for Expiration action must be a positive integer")
                }
                days = value
            }
            if let text = expiration.value("Date") {
                guard days == nil else { throw S3Error.malformedXML() }
                guard let instant = ISO8601DateFormatter().date(from: text) else { throw S3Error.malformedXML() }
                guard Int64(instant.timeIntervalSince1970) % 86_400 == 0 else {
                    throw S3Error.invalidArgument("Date", text, "'Date' must be at midnight GMT")
                }
                date = text
            }
        }
        var abortDays: Int?
        if let text = rule.child("AbortIncompleteMultipartUpload")?.value("DaysAfterInitiation") {
            guard let value = Int(text), value > 0 else {
                throw S3Error(
                    .invalidArgument,
                    "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer")
            }
            abortDays = value
        }
        var parsed = LifecycleRule(
            id: id, prefix: prefix, enabled: status == "Enabled", expirationDays: days,
            abortIncompleteUploadDays: abortDays, expirationDate: date, legacyPrefix: legacy != nil)
        if let text = rule.child("NoncurrentVersionExpiration")?.value("NoncurrentDays") {
            guard let value = Int(text), value > 0 else {
                throw S3Error(
                    .invalidArgument,
                    "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer")
            }
            parsed.noncurrentDays = value
        }
        return parsed
    }

    static func write(_ rule: LifecycleRule, into xml: inout XMLWriter) {
        xml.group("Rule") { xml in
            xml.element("ID", rule.id)
            if rule.legacyPrefix == true {
                xml.element("Prefix", rule.prefix)
            } else {
                xml.group("Filter") { $0.element("Prefix", rule.prefix) }
            }
            xml.element("Status", rule.enabled ? "Enabled" : "Disabled")
            if let days = rule.expirationDays { xml.group("Expiration") { $0.element("Days", String(days)) } }
            if let date = rule.expirationDate { xml.group("Expiration") { $0.element("Date", date) } }
            if let days = rule.noncurrentDays {
                xml.group("NoncurrentVersionExpiration") { $0.element("NoncurrentDays", String(days)) }
            }
            if let days = rule.abortIncompleteUploadDays {
                xml.group("AbortIncompleteMultipartUpload") { $0.element("DaysAfterInitiation", String(days)) }
            }
        }
    }
}
