import Foundation
import Yams

/// One `AWS::Serverless::Function` of the template, merged with `Globals.Function`.
struct TemplateFunction {
    var configuration: FunctionConfiguration
    var hasFunctionURL = false
    var invokeMode = FunctionURLInvokeMode.buffered
    var cors: FunctionURLCors?
    /// The function's `Events` (DynamoDB streams and S3 buckets that trigger it).
    var eventSources = TemplateEventSources()

    /// Properties honoured locally, and those that only matter on AWS (accepted, no local effect).
    static let properties: Set<String> = [
        "CodeUri", "Handler", "Runtime", "Timeout", "MemorySize", "ReservedConcurrentExecutions", "Environment",
        "FunctionUrlConfig", "FunctionName", "Description", "Architectures", "Policies", "Role", "Tags",
        "EventInvokeConfig", "LoggingConfig", "Tracing", "EphemeralStorage", "PackageType", "Events",
    ]
    /// The custom runtimes a `bootstrap` runs on; both share the same Runtime API contract.
    static let runtimes: Set<String> = ["provided.al2023", "provided.al2"]

    init(
        logicalID: String, name: String, properties: Node?, globals: Node?, directory: URL, region: String,
        accountID: String, reader: TemplateReader
    ) throws(TemplateError) {
        let path = "Resources.\(logicalID).Properties"
        let own = try reader.mapping(ifPresent: properties, path: path, known: Self.properties)
        // SAM has no `Events` in Globals.
        let shared = try reader.mapping(
            ifPresent: globals, path: "Globals.Function", known: Self.properties.subtracting(["Events"]))
        func property(_ name: String) -> (node: Node, path: String)? {
            if let node = own[name] { return (node, "\(path).\(name)") }
            if let node = shared[name] { return (node, "Globals.Function.\(name)") }
            return nil
        }
        guard let code = property("CodeUri") else { throw .missingSection("\(path).CodeUri") }
        let codeURI = try reader.string(code.node, path: code.path)
        var function = FunctionConfiguration(
            name: name,
            codeDirectory: URL(
                fileURLWithPath: codeURI, relativeTo: URL(fileURLWithPath: directory.path, isDirectory: true)
            ).standardizedFileURL,
            region: region, accountID: accountID)
        if let runtime = property("Runtime") {
            let value = try reader.string(runtime.node, path: runtime.path)
            guard Self.runtimes.contains(value) else {
                throw .unsupported(
                    path: runtime.path, reason: "runtime '\(value)' (only provided.al2023, provided.al2)")
            }
            function.runtime = value
        }
        if let packageType = property("PackageType"),
            try reader.string(packageType.node, path: packageType.path) != "Zip"
        {
            throw .unsupported(path: packageType.path, reason: "container images")
        }
        if let handler = property("Handler") { function.handler = try reader.string(handler.node, path: handler.path) }
        if let timeout = property("Timeout") {
            guard let seconds = Double(try reader.string(timeout.node, path: timeout.path)), seconds > 0 else {
                throw .invalidValue(path: timeout.path, expected: "a positive number of seconds")
            }
            function.timeout = .milliseconds(Int64(seconds * 1000))
        }
        if let memory = property("MemorySize") {
            function.memorySizeMB = try reader.integer(memory.node, path: memory.path, range: 1...Int.max)
        }
        if let reserved = property("ReservedConcurrentExecutions") {
            function.reservedConcurrency = try reader.integer(reserved.node, path: reserved.path, range: 1...Int.max)
        }
        for (source, sourcePath) in [(shared["Environment"], "Globals.Function"), (own["Environment"], path)] {
            guard let source else { continue }
            let environmentPath = "\(sourcePath).Environment"
            let variables = try reader.mapping(source, path: environmentPath, known: ["Variables"])["Variables"]
            for (key, variable) in variables?.mapping ?? Node.Mapping([]) {
                guard let variableName = key.string else { continue }
                let value = try reader.string(variable, path: "\(sourcePath).Environment.Variables.\(variableName)")
                // Empty means unset (the functions read it so on AWS): serve's own value, if any, applies,
                // e.g. the fixture boards' URLs for an empty DUUNITORI_BASE_URL.
                if value.isEmpty {
                    function.environment[variableName] = nil
                } else {
                    function.environment[variableName] = value
                }
            }
        }
        if let eventConfig = property("EventInvokeConfig") {
            function.eventInvokeConfig = try TemplateEventInvokeConfig.read(
                eventConfig.node, path: eventConfig.path, reader: reader)
        }
        if let url = property("FunctionUrlConfig") {
            hasFunctionURL = true
            cors = try FunctionURLCors.read(functionURLConfig: url.node, path: url.path, reader: reader)
            if let mode = url.node["InvokeMode"] {
                let text = try reader.string(mode, path: "\(url.path).InvokeMode")
                guard let parsed = FunctionURLInvokeMode(rawValue: text) else {
                    throw .invalidValue(path: "\(url.path).InvokeMode", expected: "BUFFERED or RESPONSE_STREAM")
                }
                invokeMode = parsed
            }
        }
        if let events = own["Events"] {
            eventSources = try TemplateEventSources(
                events, path: "\(path).Events", logicalID: logicalID, function: function, reader: reader)
        }
        configuration = function
    }
}
