import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The invoke cycle: `next` → handler → `response` or `error`, for as long as the Runtime API answers.
public struct RuntimeLoop<Handler: ByteLambdaHandler>: Sendable {
    /// The synchronous response limit Lambda enforces (6 MB as the service counts it).
    public static var maximumResponseBytes: Int { 6_291_556 }

    let client: any RuntimeAPIClient
    let handler: Handler
    let logger: Logger
    let exportTraceID: @Sendable (String?) -> Void

    public init(
        client: any RuntimeAPIClient, handler: Handler, logger: Logger,
        exportTraceID: @escaping @Sendable (String?) -> Void = RuntimeLoop.setTraceEnvironment
    ) {
        self.client = client
        self.handler = handler
        self.logger = logger
        self.exportTraceID = exportTraceID
    }

    /// Runs until cancelled or until the Runtime API fails; a failure is thrown (the process should exit).
    public func run() async throws {
        while !Task.isCancelled {
            try await runOnce()
        }
    }

    /// Serves exactly one invocation.
    public func runOnce() async throws {
        let invocation = try await client.next()
        exportTraceID(invocation.metadata.traceID)
        let context = LambdaContext(metadata: invocation.metadata, logger: logger)
        let outcome: Result<LambdaResponse, any Error>
        do {
            outcome = .success(try await handler.handle(invocation.event, context: context))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let response) where response.body.count > Self.maximumResponseBytes:
            let tooLarge = LambdaFunctionError.responseSizeTooLarge(
                bytes: response.body.count, limit: Self.maximumResponseBytes)
            context.logger.error("\(tooLarge.errorMessage)")
            try await client.sendError(LambdaErrorBody(error: tooLarge), for: invocation.metadata)
        case .success(let response):
            try await client.sendResponse(response, for: invocation.metadata)
        case .failure(let error):
            let body = LambdaErrorBody(error: error)
            context.logger.error(
                "handler failed: \(body.errorMessage)", metadata: ["errorType": .string(body.errorType)])
            try await client.sendError(body, for: invocation.metadata)
        }
    }

    /// Exports the trace id as `_X_AMZN_TRACE_ID`, which the X-Ray SDKs read.
    @Sendable public static func setTraceEnvironment(_ traceID: String?) {
        if let traceID {
            setenv("_X_AMZN_TRACE_ID", traceID, 1)
        } else {
            unsetenv("_X_AMZN_TRACE_ID")
        }
    }
}
