import CurlHTTP
import Foundation
import JSONLogging
import Logging

/// Entry points for a `bootstrap`: build the handler, then serve invocations until the process ends.
public enum Lambda {
    /// Runs a byte handler. A throwing `makeHandler` is reported on `/init/error` and the process exits 1.
    public static func run<Handler: ByteLambdaHandler>(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        makeHandler: @Sendable () async throws -> Handler
    ) async -> Never {
        JSONLogHandler.bootstrap(environment: environment)
        let logger = Logger(label: "lambda-runtime")
        guard let address = environment["AWS_LAMBDA_RUNTIME_API"], address.contains(":") else {
            logger.critical("\(LambdaRuntimeError.missingRuntimeAPIAddress)")
            exit(1)
        }
        let client: any RuntimeAPIClient
        do {
            client = CurlRuntimeAPIClient(
                address: address, client: try HTTPClient(configuration: .init(userAgent: "swift-lambda-curl/1.0")))
        } catch {
            logger.critical("cannot start libcurl: \(error)")
            exit(1)
        }
        let termination = SignalHandling.exitOnTermination(logger: logger)
        defer { termination.cancel() }
        let handler: Handler
        do {
            handler = try await makeHandler()
        } catch {
            let body = LambdaErrorBody(error: error)
            logger.critical("init failed: \(body.errorMessage)", metadata: ["errorType": .string(body.errorType)])
            do {
                try await client.sendInitError(body)
            } catch {
                logger.critical("init error not reported to the Runtime API: \(error)")
            }
            exit(1)
        }
        do {
            try await RuntimeLoop(client: client, handler: handler, logger: logger).run()
            exit(0)
        } catch {
            logger.critical("runtime loop ended: \(error)")
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
