import Hummingbird
import HummingbirdCore
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
        try await HTTPListener.start(
            router: router(emulator), server: server(emulator), host: host, port: port, logger: logger
        ) { port, task in
            InvokeAPIServer(port: port, task: task)
        }
    }

    /// The routes served through Hummingbird: everything but Invoke itself.
    static func router(_ emulator: LambdaEmulator) -> Router<BasicRequestContext> {
        let router = Router()
        EventInvokeConfigRoute.register(on: router, emulator: emulator)
        InvokeStreamRoute.register(on: router, emulator: emulator)
        EventSourceMappingRoute.register(on: router, emulator: emulator)
        return router
    }

    /// HTTP/1.1 with Invoke answered from the channel pipeline (`InvokeAPIHandler`), ahead of the router.
    static func server(_ emulator: LambdaEmulator) -> HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [InvokeAPIHandler(emulator: emulator)]))
    }

    public func stop() {
        task.cancel()
    }
}
