import ArgumentParser
import Foundation
import JSONLogging
import LambdaRuntimeEmulator
import LocalDynamo
import LocalS3
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
        // Every listener (Invoke API, runtimes, LocalDynamo, LocalS3, boards) is stopped by cancelling it.
        let logger = ShutdownNoiseFilter.wrapping(EmulatorLogging.bootstrap())
        let shutdown = ShutdownSignal.listen()
        let delays = try retryDelays.split(separator: ",").map { text -> Duration in
            guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
                throw ValidationError("--retry-delays takes seconds, e.g. 1,2")
            }
            return .milliseconds(Int64(seconds * 1000))
        }
        let loaded = try functionOptions.load()
        let unpacked = try packaged ? PackagedFunctions.unpack(loaded.functions) : nil
        defer { unpacked?.remove() }
        let history = consoleOptions.makeHistory()
        let emulator = try LambdaEmulator(
            functions: unpacked?.functions ?? loaded.functions,
            options: .init(
                dataDirectory: URL(fileURLWithPath: dataDirectory), retryDelays: delays,
                idleTimeout: .milliseconds(Int64(max(idleTimeout, 0.001) * 1000))), observer: history, logger: logger)
        let server = try await InvokeAPIServer.start(emulator: emulator, host: host, port: invokePort, logger: logger)
        var ports = #""invoke":\#(server.port)"#
        var services: LocalServices?
        if !noLocalServices {
            let started = try await LocalServices.start(
                host: host, dynamoPort: dynamoPort, s3Port: s3Port,
                dataDirectory: URL(fileURLWithPath: dataDirectory), template: loaded.template, logger: logger,
                notifyingFunctions: emulator.functions)
            ports += #","dynamo":\#(started.dynamoPort),"s3":\#(started.s3Port)"#
            services = started
        }
        let boards = try await ServedBoards.start(
            host: host, requestedPort: boardsPort, corpus: boardsCorpus.map { URL(fileURLWithPath: $0) }, logger: logger
        )
        if let boards { ports += #","boards":\#(boards.port)"# }
        emulator.setSharedEnvironment(
            (services?.functionEnvironment(invokePort: server.port) ?? [:])
                .merging(boards?.functionEnvironment ?? [:]) { $1 })
        var site: SiteHosting?
        if let services {
            site = try await SiteSetup.prepare(
                directory: siteDirectory, template: loaded.template, service: services.s3Service, logger: logger)
        }
        var gateway: FunctionURLGateway?
        // The template's Function URL function is served by default, as it would be on AWS.
        if let gatewayFunction = gatewayFunction ?? loaded.functionURLs.first {
            guard emulator.functions[gatewayFunction] != nil else {
                throw ValidationError("--gateway-function \(gatewayFunction) is not among the --function options")
            }
            let mode = try gatewayInvokeMode.map { text in
                guard let mode = FunctionURLInvokeMode(rawValue: text) else {
                    throw ValidationError("--gateway-invoke-mode takes BUFFERED or RESPONSE_STREAM")
                }
                return mode
            }
            let started = try await FunctionURLGateway.start(
                emulator: emulator, function: gatewayFunction,
                cors: loaded.template?.functionURLCors[gatewayFunction], site: site,
                invokeMode: mode ?? loaded.template?.functionURLInvokeModes[gatewayFunction] ?? .buffered, host: host,
                port: gatewayPort, logger: logger)
            ports += #","gateway":\#(started.port)"#
            gateway = started
        }
        let console = try await consoleOptions.start(
            sources: history.map {
                ConsoleSources(
                    emulator: emulator, history: $0, dynamo: services?.dynamoEngine, s3: services?.s3Service,
                    s3Port: services?.s3Port, gatewayFunction: gatewayFunction ?? loaded.functionURLs.first,
                    ports: [
                        "invoke": server.port, "dynamo": services?.dynamoPort, "s3": services?.s3Port,
                        "gateway": gateway?.port, "boards": boards?.port,
                    ].compactMapValues { $0 })
            }, host: host, logger: logger)
        if let console { ports += #","console":\#(console.port)"# }
        try await emulator.start()
        var eventSources: EventSources?
        if let services {
            eventSources = try await EventSources.start(
                emulator: emulator, template: loaded.template, engine: services.dynamoEngine,
                outbox: services.notificationOutbox, logger: logger)
        }
        // Written before the ports line, so whoever reads that line finds the stack (`invoke` does).
        let state = ServeState(
            pid: getpid(), invoke: server.port, dynamo: services?.dynamoPort, s3: services?.s3Port,
            gateway: gateway?.port, console: console?.port)
        try state.write(in: URL(fileURLWithPath: dataDirectory))
        defer { state.remove(from: URL(fileURLWithPath: dataDirectory), logger: logger) }
        FileHandle.standardOutput.write(Data("{\(ports)}\n".utf8))
        let signal = await shutdown.wait()
        logger.info("shutting down", metadata: ["signal": "\(signal == SIGINT ? "SIGINT" : "SIGTERM")"])
        // No new work first; then runtimes get SIGTERM (SIGKILL after 2 s) while the services they may
        // still call are up; undelivered events stay in the queue for the next start.
        console?.stop()
        gateway?.stop()
        server.stop()
        await eventSources?.stop()
        await emulator.shutdown()
        services?.stop()
        boards?.stop()
        do {
            let queued = try await emulator.store.pendingCount()
            logger.info("stopped", metadata: ["queuedEvents": "\(queued)"])
        } catch {
            logger.info("stopped", metadata: ["queuedEvents": "unknown: \(error)"])
        }
    }
}

/// Waits for SIGINT or SIGTERM. `listen()` takes the signals over when the command starts, so by the time
/// the ports line is printed a signal is handled, not left to the default action (which killed `serve`).
struct ShutdownSignal {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    static func listen() -> ShutdownSignal {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            // Ignored first: libdispatch installs its own handler later, on its manager thread.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        return ShutdownSignal(stream: stream, sources: sources)
    }

    static func wait() async { await listen().wait() }

    /// Waits for the first signal and returns it (nil if the stream ended without one).
    @discardableResult
    func wait() async -> Int32? {
        var received: Int32?
        for await number in stream {
            received = number
            break
        }
        sources.forEach { $0.cancel() }
        return received
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

/// LocalDynamo and LocalS3 started beside the emulator, and the variables that point functions at them.
struct LocalServices {
    let dynamoPort: Int
    let s3Port: Int
    let credentials: S3Credentials
    let s3Service: S3Service
    /// LocalDynamo's engine, for the console to read in-process.
    let dynamoEngine: DynamoEngine
    /// Where LocalS3 records bucket events for the emulator's functions (only when `serve` delivers them).
    let notificationOutbox: NotificationOutbox?
    private let task: Task<Void, Never>

    static func start(
        host: String, dynamoPort: Int, s3Port: Int, dataDirectory: URL, template: SAMTemplate? = nil,
        logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment,
        notifyingFunctions: [String: FunctionConfiguration]? = nil
    ) async throws -> LocalServices {
        let credentials = LocalEndpoints.credentials(environment: environment)
        let dynamo = try LocalDynamoService(
            .init(host: host, port: dynamoPort, dataDirectory: dataDirectory.appendingPathComponent("dynamo").path))
        let store = try FileStore(dataDirectory: dataDirectory.appendingPathComponent("s3").path)
        // The template's tables and buckets exist before any function runs, as after a deployment.
        if let template {
            _ = try TemplateProvisioner.provision(
                tables: template.tables, buckets: template.buckets, engine: dynamo.engine, store: store)
        }
        var quieter = logger
        quieter.logLevel = .warning
        let quiet = quieter
        var s3Service = S3Service(store: store, credentials: credentials, logger: quiet)
        // Bucket events are recorded only when they will be delivered: under `serve`, to its functions.
        let outbox = try notifyingFunctions.map { functions in
            let outbox = try NotificationOutbox(store: store)
            let names = Set(functions.keys)
            s3Service.notificationDelivery = NotificationDelivery(outbox: outbox) { arn in
                EventInvokeConfig.destinationFunction(arn).map(names.contains) ?? false
            }
            return outbox
        }
        let s3 = S3HTTPServer(service: s3Service, host: host, port: s3Port)
        let (ready, announce) = AsyncStream<(String, Int)>.makeStream()
        let task = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await dynamo.run(logger: quiet, handlesSignals: false) { announce.yield(("dynamo", $0)) }
                    } catch let error where !Task.isCancelled {
                        logger.error("LocalDynamo stopped", metadata: ["error": "\(error)"])
                    } catch {
                        // Cancelled by `stop()`: the shutdown the user asked for, not a failure.
                    }
                    announce.finish()
                }
                group.addTask {
                    do {
                        try await s3.run { announce.yield(("s3", $0)) }
                    } catch let error where !Task.isCancelled {
                        logger.error("LocalS3 stopped", metadata: ["error": "\(error)"])
                    } catch {
                        // Cancelled by `stop()`: the shutdown the user asked for, not a failure.
                    }
                    announce.finish()
                }
            }
        }
        var bound: [String: Int] = [:]
        for await (name, port) in ready {
            bound[name] = port
            if bound.count == 2 { break }
        }
        guard let dynamoBound = bound["dynamo"], let s3Bound = bound["s3"] else {
            task.cancel()
            throw ValidationError("LocalDynamo or LocalS3 did not start (is the port in use?)")
        }
        return LocalServices(
            dynamoPort: dynamoBound, s3Port: s3Bound, credentials: credentials, s3Service: s3Service,
            dynamoEngine: dynamo.engine, notificationOutbox: outbox, task: task)
    }

    /// What every hosted function gets: endpoints of the local services and credentials they accept.
    func functionEnvironment(invokePort: Int) -> [String: String] {
        LocalEndpoints.functionEnvironment(
            dynamoPort: dynamoPort, s3Port: s3Port, invokePort: invokePort, credentials: credentials)
    }

    func stop() {
        task.cancel()
    }
}
