import ArgumentParser
import Foundation
import JSONLogging
import LambdaRuntimeEmulator
import Logging

/// Options naming the functions to host, shared by `serve` and `invoke`.
struct FunctionOptions: ParsableArguments {
    @Option(name: .customLong("function"), help: "A function to host, as NAME=CODE_DIR (repeatable).")
    var functions: [String] = []

    @Option(help: "Function timeout in seconds.")
    var timeout: Double = 3

    @Option(help: "Function memory size in MB.")
    var memory: Int = 128

    @Option(help: "Most environments per function (ReservedConcurrentExecutions).")
    var concurrency: Int = 10

    @Option(
        name: .customLong("queue-limit"),
        help: "Invocations that may wait for a busy function before TooManyRequestsException.")
    var queueLimit = 1000

    @Option(name: .customLong("env-vars"), help: "SAM-style JSON file of environment variables.")
    var environmentFile: String?

    @Option(help: "SAM template declaring the functions (default: ./template.yaml when no --function is given).")
    var template: String?

    func configurations() throws -> [FunctionConfiguration] {
        try load().functions
    }

    /// The functions, those the template gives a `FunctionUrlConfig` (gateway candidates), and the template.
    func load() throws -> (functions: [FunctionConfiguration], functionURLs: [String], template: SAMTemplate?) {
        guard timeout > 0, memory > 0, concurrency > 0, queueLimit >= 0 else {
            throw ValidationError("--timeout, --memory and --concurrency must be positive, --queue-limit not negative")
        }
        let environmentData = try environmentFile.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        var configurations: [FunctionConfiguration] = []
        var functionURLs: [String] = []
        var samTemplate: SAMTemplate?
        // Like `sam local`, the project's template.yaml is the configuration when nothing else is named.
        let defaultTemplate = functions.isEmpty && FileManager.default.fileExists(atPath: "template.yaml")
        if let template = template ?? (defaultTemplate ? "template.yaml" : nil) {
            let file = URL(fileURLWithPath: template)
            let parameters = try environmentData.map(FunctionSpecification.parameters(in:)) ?? [:]
            let parsed = try SAMTemplate(
                yaml: String(contentsOf: file, encoding: .utf8), directory: file.deletingLastPathComponent(),
                parameters: parameters)
            configurations += parsed.functions
            functionURLs = parsed.functionURLs
            samTemplate = parsed
        }
        configurations += try functions.map {
            try FunctionSpecification.parse(
                $0, timeout: .milliseconds(Int64(timeout * 1000)), memorySizeMB: memory,
                reservedConcurrency: concurrency)
        }
        for index in configurations.indices { configurations[index].queueLimit = queueLimit }
        if let environmentData {
            try FunctionSpecification.applyEnvironmentFile(environmentData, to: &configurations)
        }
        return (configurations, functionURLs, samTemplate)
    }
}

/// `lambda-emulator serve`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Host functions behind the Invoke API. Prints the bound ports as one JSON line.")

    @OptionGroup var functionOptions: FunctionOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .customLong("port"), help: "Invoke API port (0 picks a free one).")
    var invokePort = 3001

    @Option(
        name: .customLong("gateway-function"),
        help: "Serve this function as a Function URL (default: the template's FunctionUrlConfig function).")
    var gatewayFunction: String?

    @Option(name: .customLong("gateway-port"), help: "Function URL gateway port (0 picks a free one).")
    var gatewayPort = 3000

    @Option(
        name: .customLong("gateway-invoke-mode"),
        help: "BUFFERED or RESPONSE_STREAM (default: the template's FunctionUrlConfig.InvokeMode, else BUFFERED).")
    var gatewayInvokeMode: String?

    @Option(name: .customLong("data-dir"), help: "Directory for the async event queue.")
    var dataDirectory = ".local-data"

    @Option(name: .customLong("dynamo-port"), help: "LocalDynamo port (0 picks a free one).")
    var dynamoPort = 8000

    @Option(name: .customLong("s3-port"), help: "LocalS3 port (0 picks a free one).")
    var s3Port = 9000

    @Option(
        name: .customLong("boards-port"),
        help: "Fixture job boards port (default 3002, skipped with a warning when busy; 0 picks a free one).")
    var boardsPort: Int?

    @Option(
        name: .customLong("boards-corpus"),
        help: "Serve DIR/listings.json on the fixture boards instead of the generated corpus (e.g. Fixtures/ranking).")
    var boardsCorpus: String?

    @Flag(name: .customLong("no-local-services"), help: "Do not start LocalDynamo and LocalS3.")
    var noLocalServices = false

    @Option(name: .customLong("site"), help: "Site directory served outside /api (default: ./frontend if present).")
    var siteDirectory: String?

    @Option(name: .customLong("idle-timeout"), help: "Seconds before an idle environment is stopped.")
    var idleTimeout: Double = 600

    @Option(name: .customLong("retry-delays"), help: "Seconds before each async retry, comma-separated.")
    var retryDelays = "1,2"

    @Flag(help: "Run each function from its .build/lambda/<Function>.zip, unzipped into a temporary directory.")
    var packaged = false

    @OptionGroup var consoleOptions: ConsoleOptions

    func run() async throws {
        let logger = ShutdownNoiseFilter.wrapping(EmulatorLogging.bootstrap())
        let shutdown = ShutdownSignal.listen()
        let stack: LocalStack
        do {
            stack = try await LocalStack.start(try stackConfiguration(), logger: logger)
        } catch let error as LocalStackError {
            throw ValidationError(error.description)
        }
        // Written before the ports line, so whoever reads that line finds the stack (`invoke` does).
        let ports = stack.ports
        let state = ServeState(
            pid: getpid(), invoke: ports.invoke, dynamo: ports.dynamo, s3: ports.s3, gateway: ports.gateway,
            console: ports.console)
        try state.write(in: URL(fileURLWithPath: dataDirectory))
        defer { state.remove(from: URL(fileURLWithPath: dataDirectory), logger: logger) }
        FileHandle.standardOutput.write(Data((ports.jsonLine + "\n").utf8))
        try await stack.run(until: shutdown)
    }

    /// The stack the options describe.
    func stackConfiguration() throws -> LocalStackConfiguration {
        let delays = try retryDelays.split(separator: ",").map { text -> Duration in
            guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
                throw ValidationError("--retry-delays takes seconds, e.g. 1,2")
            }
            return .milliseconds(Int64(seconds * 1000))
        }
        let loaded = try functionOptions.load()
        var gateway: LocalStackConfiguration.Gateway?
        // The template's Function URL function is served by default, as it would be on AWS.
        if let gatewayFunction = gatewayFunction ?? loaded.functionURLs.first {
            guard loaded.functions.contains(where: { $0.name == gatewayFunction }) else {
                throw ValidationError("--gateway-function \(gatewayFunction) is not among the --function options")
            }
            let mode = try gatewayInvokeMode.map { text in
                guard let mode = FunctionURLInvokeMode(rawValue: text) else {
                    throw ValidationError("--gateway-invoke-mode takes BUFFERED or RESPONSE_STREAM")
                }
                return mode
            }
            gateway = .init(function: gatewayFunction, port: gatewayPort, invokeMode: mode)
        }
        return LocalStackConfiguration(
            functions: loaded.functions, template: loaded.template, host: host, invokePort: invokePort,
            dataDirectory: URL(fileURLWithPath: dataDirectory), retryDelays: delays,
            idleTimeout: .milliseconds(Int64(max(idleTimeout, 0.001) * 1000)), packaged: packaged,
            localServices: noLocalServices ? nil : .init(dynamo: dynamoPort, s3: s3Port), gateway: gateway,
            // The site lives in LocalS3's website bucket: without it there is none to check or publish.
            siteDirectory: noLocalServices ? nil : try SiteSetup.directory(siteDirectory),
            console: try consoleOptions.configuration(),
            companions: [
                BoardsCompanion(requestedPort: boardsPort, corpus: boardsCorpus.map { URL(fileURLWithPath: $0) })
            ])
    }
}

/// The emulator's own logs: JSON lines on standard error, so standard output stays machine-readable.
enum EmulatorLogging {
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) -> Logger {
        let level = environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        LoggingSystem.bootstrap { label in
            JSONLogHandler(label: label, level: level, sink: StandardErrorLogSink.writeLine)
        }
        return Logger(label: "lambda-emulator")
    }
}
