/// The parts of a streamed `/response` body as the runtime sends them, for a caller that forwards them as they
/// arrive (InvokeWithResponseStream, a `RESPONSE_STREAM` Function URL). Finished by that caller once the
/// invocation has ended, whatever the outcome.
public final class ResponseStream: Sendable {
    /// One piece of the response: its content type (first), then body bytes.
    public enum Part: Sendable, Equatable {
        case contentType(String)
        case chunk([UInt8])
    }

    public let parts: AsyncStream<Part>
    private let continuation: AsyncStream<Part>.Continuation

    public init() {
        (parts, continuation) = AsyncStream<Part>.makeStream()
    }

    func yield(_ part: Part) {
        continuation.yield(part)
    }

    /// Ends `parts`; later parts are dropped.
    public func finish() {
        continuation.finish()
    }
}
