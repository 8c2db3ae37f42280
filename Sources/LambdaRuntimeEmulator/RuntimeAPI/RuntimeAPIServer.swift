import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// One environment's Runtime API listener on an ephemeral loopback port: plain SwiftNIO channels with a
/// `RuntimeAPIHandler` each, on the process's shared event loops.
public final class RuntimeAPIServer: Sendable {
    /// The port the kernel chose.
    public let port: Int
    private let listener: any Channel
    private let connections: Connections

    private init(port: Int, listener: any Channel, connections: Connections) {
        self.port = port
        self.listener = listener
        self.connections = connections
    }

    /// `host:port`, the value of `AWS_LAMBDA_RUNTIME_API`.
    public var address: String { "127.0.0.1:\(port)" }

    /// Starts listening and returns once the port is known. (`logger` is kept for the callers' symmetry with
    /// the other listeners; the Runtime API logs nothing of its own.)
    public static func start(session: RuntimeSession, logger: Logger) async throws -> RuntimeAPIServer {
        let connections = Connections()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                connections.insert(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(RuntimeAPIHandler(session: session))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return RuntimeAPIServer(port: listener.localAddress?.port ?? 0, listener: listener, connections: connections)
    }

    /// Stops accepting connections and closes the open ones; held requests are released by terminating the
    /// session first.
    public func stop() {
        listener.close(promise: nil)
        connections.closeAll()
    }
}

/// The accepted connections of one listener, so stopping it closes them too.
private final class Connections: Sendable {
    private let open = Mutex<[ObjectIdentifier: any Channel]>([:])

    func insert(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        open.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { _ in self.open.withLock { _ = $0.removeValue(forKey: key) } }
    }

    func closeAll() {
        for channel in open.withLock({ Array($0.values) }) { channel.close(promise: nil) }
    }
}
