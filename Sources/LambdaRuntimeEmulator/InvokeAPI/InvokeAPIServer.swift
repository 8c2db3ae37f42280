import Hummingbird
import Logging

/// The Invoke API listener (default port 3001).
public final class InvokeAPIServer: Sendable {
    public let port: Int
    private let task: Task<Void, Never>

    private init(port: Int, task: Task<Void, Never>) {
        self.port = port
        self.task = task
    }

    /// Starts listening on `host:port` (port 0 picks a free one) and returns once bound.
    public static func start(
        emulator: LambdaEmulator, host: String = "127.0.0.1", port: Int, logger: Logger
    ) async throws -> InvokeAPIServer {
        let router = Router()
        InvokeRoute.register(on: router, emulator: emulator)
        EventInvokeConfigRoute.register(on: router, emulator: emulator)
        InvokeStreamRoute.register(on: router, emulator: emulator)
        EventSourceMappingRoute.register(on: router, emulator: emulator)
        return try await HTTPListener.start(router: router, host: host, port: port, logger: logger) { port, task in
            InvokeAPIServer(port: port, task: task)
        }
    }

    public func stop() {
        task.cancel()
    }
}
