import Foundation
import Yams

/// The functions a SAM `template.yaml` declares, read with `Yams.compose` so intrinsic tags survive.
public struct SAMTemplate: Sendable {
    public var functions: [FunctionConfiguration]
    /// Functions with a `FunctionUrlConfig`: candidates for the HTTP gateway.
    public var functionURLs: [String]

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
            names[logicalID] = (value["Type"]?.string ?? "", logicalID)
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
        let globals = root["Globals"]?["Function"]

        var functions: [FunctionConfiguration] = []
        var urls: [String] = []
        for (key, value) in resources where value["Type"]?.string == "AWS::Serverless::Function" {
            guard let logicalID = key.string else { continue }
            let path = "Resources.\(logicalID).Properties"
            let properties = value["Properties"]
            func property(_ name: String) -> Node? { properties?[name] ?? globals?[name] }
            guard let codeNode = property("CodeUri") else { throw .missingSection("\(path).CodeUri") }
            let codeURI = try resolver.string(codeNode, path: "\(path).CodeUri")
            var function = FunctionConfiguration(
                name: names[logicalID]?.name ?? logicalID,
                codeDirectory: URL(
                    fileURLWithPath: codeURI, relativeTo: URL(fileURLWithPath: directory.path, isDirectory: true)
                ).standardizedFileURL,
                region: region, accountID: accountID)
            if let handler = property("Handler") {
                function.handler = try resolver.string(handler, path: "\(path).Handler")
            }
            if let timeout = property("Timeout") {
                guard let seconds = Double(try resolver.string(timeout, path: "\(path).Timeout")), seconds > 0 else {
                    throw .invalidValue(path: "\(path).Timeout", expected: "a positive number of seconds")
                }
                function.timeout = .milliseconds(Int64(seconds * 1000))
            }
            if let memory = property("MemorySize") {
                guard let megabytes = Int(try resolver.string(memory, path: "\(path).MemorySize")), megabytes > 0 else {
                    throw .invalidValue(path: "\(path).MemorySize", expected: "a positive integer")
                }
                function.memorySizeMB = megabytes
            }
            if let reserved = property("ReservedConcurrentExecutions") {
                let text = try resolver.string(reserved, path: "\(path).ReservedConcurrentExecutions")
                guard let count = Int(text), count > 0 else {
                    throw .invalidValue(path: "\(path).ReservedConcurrentExecutions", expected: "a positive integer")
                }
                function.reservedConcurrency = count
            }
            for source in [globals?["Environment"]?["Variables"], properties?["Environment"]?["Variables"]] {
                for (name, variable) in source?.mapping ?? Node.Mapping([]) {
                    guard let variableName = name.string else { continue }
                    function.environment[variableName] = try resolver.string(
                        variable, path: "\(path).Environment.Variables.\(variableName)")
                }
            }
            if properties?["FunctionUrlConfig"] != nil { urls.append(function.name) }
            functions.append(function)
        }
        self.functions = functions.sorted { $0.name < $1.name }
        self.functionURLs = urls.sorted()
    }
}
