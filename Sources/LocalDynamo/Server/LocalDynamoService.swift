import BuildingBlocks
import Hummingbird
import Logging

/// Everything `lambda-emulator dynamo` runs, in one call, for the CLI and for embedders such as
/// `lambda-emulator serve`: the HTTP server, the TTL sweeper and the WAL checkpointer.
public struct LocalDynamoService: Sendable {
    /// Where and how to serve.
    public struct Configuration: Sendable {
        public var host: String
        /// 0 lets the kernel pick a free port; `onReady` receives the bound one.
        public var port: Int
        /// nil keeps everything in memory.
        public var dataDirectory: String?
        /// Seconds between TTL sweeps; 0 disables the sweeper.
        public var ttlPeriod: Double

        public init(host: String = "127.0.0.1", port: Int = 8000, dataDirectory: String?, ttlPeriod: Double = 1) {
            self.host = host
            self.port = port
            self.dataDirectory = dataDirectory
            self.ttlPeriod = ttlPeriod
        }
    }

    public let configuration: Configuration
    public let engine: DynamoEngine

    /// Opens the store; nothing listens until `run`.
    public init(_ configuration: Configuration, clock: any WallClock = SystemWallClock()) throws {
        self.configuration = configuration
        self.engine = try DynamoEngine(dataDirectory: configuration.dataDirectory, clock: clock)
    }

    /// Serves until SIGINT/SIGTERM (or cancellation), then stops the background tasks.
    /// A host that handles signals itself (`serve`) passes `handlesSignals: false` and cancels instead.
    public func run(
        logger: Logger, handlesSignals: Bool = true, onReady: @escaping @Sendable (Int) async -> Void
    ) async throws {
        let app = DynamoServer(engine: engine).application(
            host: configuration.host, port: configuration.port, logger: logger, onReady: onReady)
        let engine = self.engine
        let ttlPeriod = configuration.ttlPeriod
        try await withThrowingTaskGroup(of: Void.self) { group in
            if ttlPeriod > 0 {
                group.addTask {
                    await TTLSweeper(engine: engine, period: .milliseconds(Int(ttlPeriod * 1000)), logger: logger).run()
                }
            }
            group.addTask { await WALCheckpointer(engine: engine, logger: logger).run() }
            group.addTask {
                try await app.runService(gracefulShutdownSignals: handlesSignals ? [.sigterm, .sigint] : [])
            }
            // The sweeper and checkpointer only end when cancelled, so the first task to finish is the server.
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
