import CurlHTTP
import JSONLogging
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Entry points for a `bootstrap`: build the handler, then serve invocations until the process ends.
public enum Lambda {
    /// Runs a byte handler. A throwing `makeHandler` is reported on `/init/error` and the process exits 1.
    public static func run<Handler: ByteLambdaHandler>(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        makeHandler: @Sendable () async throws -> Handler
    ) async -> Never {
        await serve(environment: environment, makeHandler: makeHandler) { client, _, handler, logger in
            try await RuntimeLoop(client: client, handler: handler, logger: logger).run()
        }
    }

    /// Runs a streaming handler: each response is posted in streaming mode as the handler writes it.
    public static func runStreaming<Handler: StreamingLambdaHandler>(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        makeHandler: @Sendable () async throws -> Handler
    ) async -> Never {
        await serve(environment: environment, makeHandler: makeHandler) { client, address, handler, logger in
            try await StreamingRuntimeLoop(client: client, address: address, handler: handler, logger: logger).run()
        }
    }

    /// Starts the client, makes the handler and runs `loop` until it ends (exit 0) or fails (exit 1).
    private static func serve<Handler>(
        environment: [String: String], makeHandler: @Sendable () async throws -> Handler,
        loop: (_ client: CurlRuntimeAPIClient, _ address: String, Handler, Logger) async throws -> Void
    ) async -> Never {
        let (client, address, logger) = start(environment: environment)
        let termination = SignalHandling.exitOnTermination(logger: logger)
        defer { termination.cancel() }
        let handler = await initialise(client: client, logger: logger, makeHandler)
        do {
            // The loop and the handler run on the client's thread: no thread hop between the exchanges.
            try await withTaskExecutorPreference(client.thread) {
                try await loop(client, address, handler, logger)
            }
            exit(0)
        } catch {
            logger.critical("runtime loop ended: \(error)")
            exit(1)
        }
    }

    /// JSON logs, the Runtime API address and its client; exits 1 when either is missing.
    private static func start(environment: [String: String]) -> (CurlRuntimeAPIClient, String, Logger) {
        JSONLogHandler.bootstrap(environment: environment)
        let logger = Logger(label: "lambda-runtime")
        guard let address = environment["AWS_LAMBDA_RUNTIME_API"], address.contains(":") else {
            logger.critical("\(LambdaRuntimeError.missingRuntimeAPIAddress)")
            exit(1)
        }
        do {
            let client = try CurlRuntimeAPIClient(
                address: address, configuration: .init(userAgent: "swift-lambda-curl/1.0"))
            return (client, address, logger)
        } catch {
            logger.critical("cannot start libcurl: \(error)")
            exit(1)
        }
    }

    /// The handler, or `/init/error` and exit 1 when making it throws.
    private static func initialise<Handler>(
        client: any RuntimeAPIClient, logger: Logger, _ makeHandler: @Sendable () async throws -> Handler
    ) async -> Handler {
        do {
            return try await makeHandler()
        } catch {
            let body = LambdaErrorBody(error: error)
            logger.critical("init failed: \(body.errorMessage)", metadata: ["errorType": .string(body.errorType)])
            do {
                try await client.sendInitError(body)
            } catch {
                logger.critical("could not report the init error: \(error)")
            }
            exit(1)
        }
    }

    /// Runs a typed `Codable` handler.
    public static func run<Handler: LambdaHandler>(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        makeHandler: @Sendable () async throws -> Handler
    ) async -> Never {
        await run(environment: environment) { CodableLambdaAdapter(try await makeHandler()) }
    }
}
