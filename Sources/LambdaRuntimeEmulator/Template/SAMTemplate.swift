import Foundation
import Yams

/// The functions, tables and buckets a SAM `template.yaml` declares, read with `Yams.compose` so intrinsic tags
/// survive. Content the emulator cannot honour is an error naming its path, never silently ignored.
public struct SAMTemplate: Sendable {
    public var functions: [FunctionConfiguration]
    /// Functions with a `FunctionUrlConfig`: candidates for the HTTP gateway.
    public var functionURLs: [String]
    /// Function name → its Function URL's `InvokeMode`, for every function with a Function URL.
    public var functionURLInvokeModes: [String: FunctionURLInvokeMode]
    /// Function name → its Function URL's `Cors`, for those that declare one.
    public var functionURLCors: [String: FunctionURLCors]
    public var tables: [TemplateTable]
    public var buckets: [TemplateBucket]
    /// The functions' `Type: DynamoDB` events.
    public var streamTriggers: [TemplateStreamTrigger]

    /// The bucket the site is published to: the first (by name) with a `WebsiteConfiguration`.
    public var websiteBucket: TemplateBucket? { buckets.first { $0.website != nil } }

    /// Resource types the emulator reads; `AWS::S3::BucketPolicy` is accepted with no local effect
    /// (LocalS3 serves website buckets anonymously, as a public-read policy would).
    static let resourceTypes: Set<String> = [
        "AWS::Serverless::Function", "AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::S3::BucketPolicy",
    ]

    /// Parses the template; `CodeUri` is relative to `directory`, `parameters` override `Parameters` defaults.
    public init(
        yaml: String, directory: URL, parameters overrides: [String: String] = [:], region: String = "us-east-1",
        accountID: String = "123456789012"
    ) throws(TemplateError) {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else { throw TemplateError.missingSection("document") }
            root = composed
        } catch let error as TemplateError {
            throw error
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

        // Physical names may themselves use intrinsics (`TableName: !Sub "jobs-${Stage}"`): resolve them
        // against the parameters and logical ids first.
        var names: [String: (type: String, name: String)] = [:]
        for (key, value) in resources {
            guard let logicalID = key.string else { continue }
            let type = value["Type"]?.string ?? ""
            guard Self.resourceTypes.contains(type) else {
                throw .unsupported(path: "Resources.\(logicalID).Type", reason: "resource type '\(type)'")
            }
            // An unnamed bucket gets its logical id in lower case locally (bucket names allow no capitals).
            names[logicalID] = (type, type == "AWS::S3::Bucket" ? logicalID.lowercased() : logicalID)
        }
        let firstPass = IntrinsicResolver(
            parameters: parameters, resources: names, region: region, accountID: accountID)
        for (key, value) in resources {
            guard let logicalID = key.string, let properties = value["Properties"] else { continue }
            for field in ["TableName", "BucketName", "FunctionName"] {
                guard let node = properties[field] else { continue }
                let physical = try firstPass.string(node, path: "Resources.\(logicalID).Properties.\(field)")
                names[logicalID] = (names[logicalID]?.type ?? "", physical)
            }
        }
        let resolver = IntrinsicResolver(parameters: parameters, resources: names, region: region, accountID: accountID)
        let reader = TemplateReader(resolver: resolver)
        let globals = root["Globals"]?["Function"]

        var functions: [FunctionConfiguration] = []
        var urls: [String] = []
        var cors: [String: FunctionURLCors] = [:]
        var modes: [String: FunctionURLInvokeMode] = [:]
        var tables: [TemplateTable] = []
        var buckets: [TemplateBucket] = []
        var eventSources = TemplateEventSources()
        for (key, value) in resources {
            guard let logicalID = key.string, let type = names[logicalID]?.type else { continue }
            let name = names[logicalID]?.name ?? logicalID
            switch type {
            case "AWS::Serverless::Function":
                let function = try TemplateFunction(
                    logicalID: logicalID, name: name, properties: value["Properties"], globals: globals,
                    directory: directory, region: region, accountID: accountID, reader: reader)
                functions.append(function.configuration)
                if function.hasFunctionURL {
                    urls.append(name)
                    modes[name] = function.invokeMode
                }
                if let functionCors = function.cors { cors[name] = functionCors }
                eventSources.streams += function.eventSources.streams
                eventSources.buckets += function.eventSources.buckets
            case "AWS::DynamoDB::Table":
                tables.append(
                    try TemplateTable(logicalID: logicalID, name: name, properties: value["Properties"], reader: reader)
                )
            case "AWS::S3::Bucket":
                buckets.append(
                    try TemplateBucket(
                        logicalID: logicalID, name: name, properties: value["Properties"], reader: reader))
            default:
                break
            }
        }
        self.functions = functions.sorted { $0.name < $1.name }
        self.functionURLs = urls.sorted()
        self.functionURLCors = cors
        self.functionURLInvokeModes = modes
        self.tables = tables.sorted { $0.name < $1.name }
        self.buckets = buckets.sorted { $0.name < $1.name }
        self.streamTriggers = eventSources.streams.sorted { $0.mapping.uuid < $1.mapping.uuid }
        try eventSources.check(tables: self.tables, buckets: &self.buckets)
    }
}
