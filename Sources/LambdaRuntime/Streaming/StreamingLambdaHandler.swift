import BuildingBlocks

/// Where a streaming handler writes its response: chunks as they are ready, then `finish()`. A handler that
/// throws after writing ends the stream with Lambda's error trailers; one that throws before writing reports
/// the error as a buffered handler would.
public protocol LambdaResponseStreamWriter: Sendable {
    /// The response's content type; only before the first `write` (default `application/octet-stream`).
    func setContentType(_ contentType: String) async throws
    /// Sends `bytes` to the caller now.
    func write(_ bytes: [UInt8]) async throws
    /// Ends the response (the loop also ends it when the handler returns).
    func finish() async throws
}

extension LambdaResponseStreamWriter {
    /// Starts an HTTP response for a `RESPONSE_STREAM` Function URL: the JSON prelude (status, headers,
    /// cookies) and its 8 NUL bytes, with the HTTP-integration content type; the body follows with `write`.
    public func writeHTTPPrelude(statusCode: Int, headers: [String: String] = [:], cookies: [String] = [])
        async throws
    {
        try await setContentType("application/vnd.awslambda.http-integration-response")
        var prelude = #"{"statusCode":\#(statusCode)"#
        if !headers.isEmpty {
            let fields = headers.sorted { $0.key < $1.key }.map {
                "\(JSONText.quote($0.key)):\(JSONText.quote($0.value))"
            }
            prelude += #","headers":{\#(fields.joined(separator: ","))}"#
        }
        if !cookies.isEmpty { prelude += #","cookies":[\#(cookies.map(JSONText.quote).joined(separator: ","))]"# }
        try await write(Array((prelude + "}").utf8) + [UInt8](repeating: 0, count: 8))
    }
}

/// A handler that streams its response (`Lambda-Runtime-Function-Response-Mode: streaming`).
public protocol StreamingLambdaHandler: Sendable {
    func handle(_ event: [UInt8], responseWriter: any LambdaResponseStreamWriter, context: LambdaContext)
        async throws
}

/// A streaming handler made from a closure.
public struct ClosureStreamingHandler: StreamingLambdaHandler {
    let body: @Sendable ([UInt8], any LambdaResponseStreamWriter, LambdaContext) async throws -> Void

    public init(
        _ body: @escaping @Sendable ([UInt8], any LambdaResponseStreamWriter, LambdaContext) async throws -> Void
    ) {
        self.body = body
    }

    public func handle(_ event: [UInt8], responseWriter: any LambdaResponseStreamWriter, context: LambdaContext)
        async throws
    {
        try await body(event, responseWriter, context)
    }
}
