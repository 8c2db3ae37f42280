import Foundation
import Hummingbird
import Logging
import NIOCore

/// One environment's Runtime API listener on an ephemeral loopback port.
public final class RuntimeAPIServer: Sendable {
    /// The port the kernel chose.
    public let port: Int
    private let task: Task<Void, Never>

    private init(port: Int, task: Task<Void, Never>) {
        self.port = port
        self.task = task
    }

    /// `host:port`, the value of `AWS_LAMBDA_RUNTIME_API`.
    public var address: String { "127.0.0.1:\(port)" }

    /// Starts listening and returns once the port is known.
    public static func start(session: RuntimeSession, logger: Logger) async throws -> RuntimeAPIServer {
        let router = RuntimeAPIRouter.make(session: session)
        return try await HTTPListener.start(
            router: router, host: "127.0.0.1", port: 0, logger: logger, quietestLevel: .critical
        ) { port, task in
            RuntimeAPIServer(port: port, task: task)
        }
    }

    /// Stops accepting connections; held requests are released by terminating the session first.
    public func stop() {
        task.cancel()
    }
}
