import Yams

/// The website bucket a SAM template declares: the first `AWS::S3::Bucket` with a `WebsiteConfiguration`
/// (in logical-id order), named by its `BucketName` or, without one, by its lower-cased logical id.
public enum TemplateWebsiteBucket {
    /// The bucket's physical name, or nil when the template has no website bucket.
    public static func name(
        yaml: String, parameters overrides: [String: String] = [:], region: String = "us-east-1",
        accountID: String = "123456789012"
    ) throws(TemplateError) -> String? {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else { return nil }
            root = composed
        } catch {
            throw .invalidYAML(String(describing: error))
        }
        guard let resources = root["Resources"]?.mapping else { throw .missingSection("Resources") }
        var parameters: [String: String] = [:]
        for (key, value) in root["Parameters"]?.mapping ?? Node.Mapping([]) {
            guard let name = key.string else { continue }
            if let fallback = value["Default"]?.string { parameters[name] = fallback }
        }
        parameters.merge(overrides) { _, new in new }
        var names: [String: (type: String, name: String)] = [:]
        for (key, value) in resources {
            guard let logicalID = key.string else { continue }
            names[logicalID] = (value["Type"]?.string ?? "", logicalID)
        }
        let resolver = IntrinsicResolver(parameters: parameters, resources: names, region: region, accountID: accountID)
        let buckets = resources.compactMap { key, value -> (String, Node)? in
            guard let logicalID = key.string, value["Type"]?.string == "AWS::S3::Bucket",
                value["Properties"]?["WebsiteConfiguration"] != nil
            else { return nil }
            return (logicalID, value)
        }.sorted { $0.0 < $1.0 }
        guard let (logicalID, bucket) = buckets.first else { return nil }
        guard let nameNode = bucket["Properties"]?["BucketName"] else { return logicalID.lowercased() }
        return try resolver.string(nameNode, path: "Resources.\(logicalID).Properties.BucketName")
    }
}
