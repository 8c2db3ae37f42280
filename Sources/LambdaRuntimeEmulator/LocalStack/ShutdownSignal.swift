import Dispatch
import Foundation
import Synchronization

/// Waits for SIGINT or SIGTERM. `listen()` takes the signals over when a command starts, so by the time it
/// announces itself a signal is handled, not left to the default action (which killed `serve`), and a signal
/// that arrives while the stack is still starting stops it as soon as it runs.
public final class ShutdownSignal: Sendable {
    private let stream: AsyncStream<Int32>
    /// Behind a lock only because dispatch sources are not `Sendable`; they are set once and cancelled once.
    private let sources: Mutex<[any DispatchSourceSignal]>

    private init(stream: AsyncStream<Int32>, sources: sending [any DispatchSourceSignal]) {
        self.stream = stream
        self.sources = Mutex(sources)
    }

    public static func listen() -> ShutdownSignal {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            // Ignored first: libdispatch installs its own handler later, on its manager thread.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        return ShutdownSignal(stream: stream, sources: sources)
    }

    /// Waits for the first signal and returns it (nil if the waiting task was cancelled first).
    @discardableResult
    public func wait() async -> Int32? {
        var received: Int32?
        for await number in stream {
            received = number
            break
        }
        sources.withLock { $0.forEach { $0.cancel() } }
        return received
    }

    /// The signal's name for the log.
    public static func name(_ number: Int32) -> String {
        number == SIGINT ? "SIGINT" : "SIGTERM"
    }
}
