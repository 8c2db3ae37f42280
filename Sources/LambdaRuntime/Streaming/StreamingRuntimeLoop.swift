import Logging

/// The invoke cycle for a streaming handler: `next` → handler writing a streamed `/response`; an error before
/// the first byte goes to `/error`, one after it ends the stream with error trailers.
public struct StreamingRuntimeLoop<Handler: StreamingLambdaHandler>: Sendable {
    let client: any RuntimeAPIClient
    /// `AWS_LAMBDA_RUNTIME_API` (`host:port`), where streamed responses are posted.
    let address: String
    let handler: Handler
    let logger: Logger

    public init(client: any RuntimeAPIClient, address: String, handler: Handler, logger: Logger) {
        self.client = client
        self.address = address
        self.handler = handler
        self.logger = logger
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
        RuntimeLoop<ClosureByteHandler>.setTraceEnvironment(invocation.metadata.traceID)
        let context = LambdaContext(metadata: invocation.metadata, logger: logger)
        let writer = StreamedResponse(address: address, metadata: invocation.metadata)
        let failure: (any Error)?
        do {
            try await handler.handle(invocation.event, responseWriter: writer, context: context)
            failure = nil
        } catch {
            failure = error
        }
        guard let failure else {
            try await writer.finish()
            return
        }
        let body = LambdaErrorBody(error: failure)
        context.logger.error(
            "handler failed: \(body.errorMessage)", metadata: ["errorType": .string(body.errorType)])
        if await writer.started {
            try await writer.fail(body)
        } else {
            try await client.sendError(body, for: invocation.metadata)
        }
    }
}
