import LocalS3
import Yams

/// An `AWS::S3::Bucket` of the template: what `serve` creates in LocalS3 (website, CORS, lifecycle).
public struct TemplateBucket: Sendable, Equatable {
    public var logicalID: String
    public var name: String
    public var cors: [CORSRule]?
    public var website: WebsiteConfiguration?
    public var lifecycle: [LifecycleRule]?
    /// Lambda notifications from the functions' `Type: S3` events (SAM configures them on the bucket).
    public var notification: NotificationConfiguration?

    /// Properties honoured locally, and those that only matter on AWS (accepted, no local effect).
    static let properties: Set<String> = [
        "BucketName", "CorsConfiguration", "WebsiteConfiguration", "LifecycleConfiguration",
        "PublicAccessBlockConfiguration", "OwnershipControls", "BucketEncryption", "VersioningConfiguration", "Tags",
    ]

    init(logicalID: String, name: String, properties node: Node?, reader: TemplateReader) throws(TemplateError) {
        self.logicalID = logicalID
        self.name = name
        guard let node else { return }
        let path = "Resources.\(logicalID).Properties"
        let properties = try reader.mapping(node, path: path, known: Self.properties)
        if let versioning = properties["VersioningConfiguration"] {
            let versioningPath = "\(path).VersioningConfiguration"
            let fields = try reader.mapping(versioning, path: versioningPath, known: ["Status"])
            if try reader.optionalString(fields, "Status", path: versioningPath) == "Enabled" {
                throw .unsupported(path: versioningPath, reason: "LocalS3 keeps no versions")
            }
        }
        if let cors = properties["CorsConfiguration"] {
            self.cors = try Self.rules(cors, list: "CorsRules", path: "\(path).CorsConfiguration", reader: reader) {
                (rule: Node, rulePath: String) throws(TemplateError) -> CORSRule in
                try Self.corsRule(rule, path: rulePath, reader: reader)
            }
        }
        if let website = properties["WebsiteConfiguration"] {
            self.website = try Self.website(website, path: "\(path).WebsiteConfiguration", reader: reader)
        }
        if let lifecycle = properties["LifecycleConfiguration"] {
            self.lifecycle = try Self.rules(
                lifecycle, list: "Rules", path: "\(path).LifecycleConfiguration", reader: reader
            ) { (rule: Node, rulePath: String) throws(TemplateError) -> LifecycleRule in
                try Self.lifecycleRule(rule, path: rulePath, reader: reader)
            }
        }
    }

    /// A configuration whose only field is a required list of rules (`CorsRules`, lifecycle `Rules`).
    static func rules<Rule>(
        _ node: Node, list key: String, path: String, reader: TemplateReader,
        _ parse: (Node, String) throws(TemplateError) -> Rule
    ) throws(TemplateError) -> [Rule] {
        let fields = try reader.mapping(node, path: path, known: [key])
        guard let rules = fields[key] else { throw .missingSection("\(path).\(key)") }
        return try reader.list(rules, path: "\(path).\(key)", parse)
    }

    static func corsRule(_ node: Node, path: String, reader: TemplateReader) throws(TemplateError) -> CORSRule {
        let known: Set<String> = [
            "Id", "AllowedOrigins", "AllowedMethods", "AllowedHeaders", "ExposedHeaders", "MaxAge",
        ]
        let fields = try reader.mapping(node, path: path, known: known)
        let origins = try reader.optionalStrings(fields, "AllowedOrigins", path: path)
        let methods = try reader.optionalStrings(fields, "AllowedMethods", path: path)
        guard !origins.isEmpty, !methods.isEmpty else {
            throw .missingSection("\(path).AllowedOrigins/AllowedMethods")
        }
        let id = try reader.optionalString(fields, "Id", path: path)
        let headers = try reader.optionalStrings(fields, "AllowedHeaders", path: path)
        let exposed = try reader.optionalStrings(fields, "ExposedHeaders", path: path)
        let maxAge = try reader.optionalInteger(fields, "MaxAge", path: path)
        return CORSRule(
            id: id, allowedOrigins: origins, allowedMethods: methods, allowedHeaders: headers, exposeHeaders: exposed,
            maxAgeSeconds: maxAge)
    }

    static func website(_ node: Node, path: String, reader: TemplateReader) throws(TemplateError)
        -> WebsiteConfiguration
    {
        let fields = try reader.mapping(
            node, path: path, known: ["IndexDocument", "ErrorDocument", "RedirectAllRequestsTo"])
        let index = try reader.optionalString(fields, "IndexDocument", path: path)
        let error = try reader.optionalString(fields, "ErrorDocument", path: path)
        var website = WebsiteConfiguration(indexSuffix: index, errorDocumentKey: error)
        if let redirect = fields["RedirectAllRequestsTo"] {
            let redirectPath = "\(path).RedirectAllRequestsTo"
            let parts = try reader.mapping(redirect, path: redirectPath, known: ["HostName", "Protocol"])
            guard let host = try reader.optionalString(parts, "HostName", path: redirectPath) else {
                throw .missingSection("\(redirectPath).HostName")
            }
            website.redirectAllRequestsToHost = host
            website.redirectAllRequestsProtocol = try reader.optionalString(parts, "Protocol", path: redirectPath)
        } else if index == nil {
            throw .missingSection("\(path).IndexDocument")
        }
        return website
    }

    static func lifecycleRule(_ node: Node, path: String, reader: TemplateReader) throws(TemplateError)
        -> LifecycleRule
    {
        let known: Set<String> = ["Id", "Status", "Prefix", "ExpirationInDays", "AbortIncompleteMultipartUpload"]
        let fields = try reader.mapping(node, path: path, known: known)
        let status = try reader.optionalString(fields, "Status", path: path)
        guard status == "Enabled" || status == "Disabled" else {
            throw .invalidValue(path: "\(path).Status", expected: "Enabled or Disabled")
        }
        var abortDays: Int?
        if let abort = fields["AbortIncompleteMultipartUpload"] {
            let abortPath = "\(path).AbortIncompleteMultipartUpload"
            let parts = try reader.mapping(abort, path: abortPath, known: ["DaysAfterInitiation"])
            abortDays = try reader.optionalInteger(parts, "DaysAfterInitiation", path: abortPath, range: 1...Int.max)
            if abortDays == nil { throw .missingSection("\(abortPath).DaysAfterInitiation") }
        }
        let id = try reader.optionalString(fields, "Id", path: path) ?? "rule"
        let prefix = try reader.optionalString(fields, "Prefix", path: path) ?? ""
        let days = try reader.optionalInteger(fields, "ExpirationInDays", path: path, range: 1...Int.max)
        return LifecycleRule(
            id: id, prefix: prefix, enabled: status == "Enabled", expirationDays: days,
            abortIncompleteUploadDays: abortDays)
    }
}
