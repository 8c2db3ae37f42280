/// What the transport needs of an HTTP client; `HTTPClient` is the real one, tests script their own.
public protocol HTTPExecuting: Sendable {
    func execute(_ request: HTTPRequest, into destination: HTTPResponseDestination) async throws(HTTPClientError)
        -> HTTPResponse
}

extension HTTPClient: HTTPExecuting {}
