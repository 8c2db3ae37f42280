import CurlHTTP

/// The Runtime API over libcurl: one kept-alive connection, no timeout on `/next`, proxies ignored.
///
/// Every exchange blocks `thread`, which the client owns: a loop that runs with `thread` as its task executor
/// preference (as `Lambda.run` does) makes them without a thread hop; other callers hop there and back.
public struct CurlRuntimeAPIClient: RuntimeAPIClient {
    private let connection: BlockingHTTPConnection
    private let base: String
    /// The thread the exchanges run on.
    public let thread: RuntimeThread

    /// `address` is `AWS_LAMBDA_RUNTIME_API` (`host:port`). Fails only if libcurl cannot initialise.
    public init(address: String, configuration: HTTPClientConfiguration, thread: RuntimeThread = RuntimeThread())
        throws(HTTPClientError)
    {
        self.connection = try BlockingHTTPConnection(configuration: configuration)
        self.base = "http://\(address)/2018-06-01/runtime"
        self.thread = thread
    }

    public func next() async throws -> Invocation {
        let response = try await perform(HTTPRequest(method: .get, url: "\(base)/invocation/next"))
        guard response.status == 200 else {
            throw LambdaRuntimeError.unexpectedStatus(
                path: "/runtime/invocation/next", status: response.status, body: response.bodyText)
        }
        return Invocation(metadata: try InvocationMetadata(fields: response.headers), event: response.body)
    }

    public func sendResponse(_ response: LambdaResponse, for metadata: InvocationMetadata) async throws {
        var headers: HTTPHeaders = [("Content-Type", response.contentType)]
        if let invocationID = metadata.invocationID { headers.add(RuntimeHeader.invocationID, invocationID) }
        try await post("/invocation/\(metadata.requestID)/response", headers: headers, body: response.body)
    }

    public func sendError(_ error: LambdaErrorBody, for metadata: InvocationMetadata) async throws {
        var headers = Self.errorHeaders(error)
        if let invocationID = metadata.invocationID { headers.add(RuntimeHeader.invocationID, invocationID) }
        try await post("/invocation/\(metadata.requestID)/error", headers: headers, body: error.jsonBytes)
    }

    public func sendInitError(_ error: LambdaErrorBody) async throws {
        try await post("/init/error", headers: Self.errorHeaders(error), body: error.jsonBytes)
    }

    private static func errorHeaders(_ error: LambdaErrorBody) -> HTTPHeaders {
        [("Content-Type", "application/json"), (RuntimeHeader.functionErrorType, error.errorType)]
    }

    private func post(_ path: String, headers: HTTPHeaders, body: [UInt8]) async throws {
        var headers = headers
        // No `Expect: 100-continue` round trip, no chunking: the length is known.
        headers.add("Expect", "")
        let response = try await perform(
            HTTPRequest(method: .post, url: base + path, headers: headers, body: .bytes(body)))
        guard response.status == 202 else {
            throw LambdaRuntimeError.unexpectedStatus(path: path, status: response.status, body: response.bodyText)
        }
    }

    private func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await withTaskExecutorPreference(thread) { try await performOnThread(request) }
    }

    /// Nonisolated and async, so it starts on the preferred executor: `thread`, which may block.
    private func performOnThread(_ request: HTTPRequest) async throws -> HTTPResponse {
        precondition(thread.isCurrent, "a Runtime API exchange must run on the client's thread")
        var request = request
        request.timeout = nil
        request.connectTimeout = .seconds(1)
        request.bypassProxy = true
        do {
            return try connection.perform(request)
        } catch {
            throw LambdaRuntimeError.transport(String(describing: error))
        }
    }
}
