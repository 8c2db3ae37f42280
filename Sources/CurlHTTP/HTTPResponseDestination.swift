/// Where a response body goes. A file or a closure receives only a 2xx body, chunk by chunk, so a large
/// download never sits in memory; any other status's body (a service's error document) is kept in
/// `HTTPResponse.body` instead, up to `HTTPResponse.maximumErrorBodyBytes`.
public enum HTTPResponseDestination: Sendable {
    /// Collect the body in `HTTPResponse.body`.
    case memory
    /// Create or truncate the file and write the body to it. On a transfer error the partial file is removed.
    case file(path: String)
    /// Hand each chunk to the closure as it arrives (the buffer is valid only during the call), on the
    /// client's transfer thread: keep it quick, it holds up the client's other transfers, and never call
    /// this client's `executeBlocking` from it. Throwing aborts the transfer with `.bodyHandlerFailed`.
    case stream(@Sendable (UnsafeRawBufferPointer) throws -> Void)
}
