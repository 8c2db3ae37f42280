import Dispatch
import Synchronization

/// An HTTP client over libcurl. Transfers run on the client's own thread, never on Swift's cooperative
/// pool; connections are kept alive and reused across requests. Share one client per process.
public final class HTTPClient: Sendable {
    private let engine: TransferEngine

    /// Fails only if libcurl cannot initialise.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) throws(HTTPClientError) {
        engine = try TransferEngine(configuration: configuration)
        engine.startThread()
    }

    deinit { engine.stop() }

    /// Performs `request`, suspending (not blocking) the calling task. Cancelling the task aborts the
    /// transfer with `.cancelled`.
    public func execute(
        _ request: HTTPRequest, into destination: HTTPResponseDestination = .memory
    ) async throws(HTTPClientError) -> HTTPResponse {
        let transfer = try Transfer(request: request, destination: destination)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                engine.submit(transfer) { continuation.resume(returning: $0) }
            }
        } onCancel: {
            engine.cancel(transfer)
        }
        return try result.get()
    }

    /// Performs `request`, blocking the calling thread until it ends. For plain threads such as a Lambda
    /// runtime loop; from async code use `execute`, which does not hold a cooperative thread.
    public func executeBlocking(
        _ request: HTTPRequest, into destination: HTTPResponseDestination = .memory
    ) throws(HTTPClientError) -> HTTPResponse {
        let transfer = try Transfer(request: request, destination: destination)
        let outcome = BlockingOutcome()
        let done = DispatchSemaphore(value: 0)
        engine.submit(transfer) { result in
            outcome.result.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.result.withLock { $0 ?? .failure(.cancelled) }.get()
    }
}

/// Where the transfer thread leaves a blocking call's result (a class, so the completion closure can hold it).
private final class BlockingOutcome: Sendable {
    let result = Mutex<Result<HTTPResponse, HTTPClientError>?>(nil)
}
