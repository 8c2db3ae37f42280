/// Why a request produced no response. HTTP error statuses are responses, never these.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens at the address, or the connection was refused.
    case connectionRefused(String)
    /// The connect timeout or the total timeout ran out.
    case timedOut(String)
    /// TLS handshake or certificate verification failed.
    case tlsFailure(String)
    /// The URL could not be parsed, or its scheme is not http or https.
    case malformedURL(String)
    /// DNS resolution of the host (or proxy) failed.
    case couldNotResolveHost(String)
    /// Sending the request failed.
    case sendFailed(String)
    /// Receiving the response failed, or the server closed the connection early.
    case receiveFailed(String)
    /// The request body's file could not be read, or the response's file could not be written.
    case fileError(path: String, reason: String)
    /// A header name or value, or the method, cannot be sent as given.
    case invalidRequest(String)
    /// The `.stream` destination's closure threw; the transfer was aborted.
    case bodyHandlerFailed(String)
    /// The calling task was cancelled; the transfer was aborted.
    case cancelled
    /// A body meant for memory grew past the request's `maximumResponseBytes` (after decompression); aborted.
    case responseTooLarge(limit: Int)
    /// Any other libcurl failure.
    case other(code: Int, message: String)

    public var description: String {
        switch self {
        case .connectionRefused(let message): "connection refused: \(message)"
        case .timedOut(let message): "timed out: \(message)"
        case .tlsFailure(let message): "TLS failure: \(message)"
        case .malformedURL(let message): "malformed URL: \(message)"
        case .couldNotResolveHost(let message): "could not resolve host: \(message)"
        case .sendFailed(let message): "send failed: \(message)"
        case .receiveFailed(let message): "receive failed: \(message)"
        case .fileError(let path, let reason): "file error at \(path): \(reason)"
        case .invalidRequest(let message): "invalid request: \(message)"
        case .bodyHandlerFailed(let message): "response body handler failed: \(message)"
        case .cancelled: "cancelled"
        case .responseTooLarge(let limit): "the response body is over the \(limit)-byte limit"
        case .other(let code, let message): "libcurl error \(code): \(message)"
        }
    }
}
