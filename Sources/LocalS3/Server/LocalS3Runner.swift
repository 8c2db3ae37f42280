import BuildingBlocks
import Logging

/// LocalS3 as one unit: store, service, HTTP server and the lifecycle sweeper on a timer, the way
/// `lambda-emulator s3` (and the whole-stack `serve`) run it.
public struct LocalS3Runner: Sendable {
    public let store: FileStore
    public let service: S3Service
    public let server: S3HTTPServer
    public let lifecycleInterval: Duration

    public init(
        dataDirectory: String, host: String = "127.0.0.1", port: Int = 9000,
        credentials: S3Credentials = S3Credentials(), region: String = "us-east-1",
        durability: FileStore.Durability = .fsync, lifecycleInterval: Duration = .seconds(60),
        clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "locals3")
    ) throws {
        store = try FileStore(dataDirectory: dataDirectory, durability: durability)
        service = S3Service(store: store, credentials: credentials, region: region, clock: clock, logger: logger)
        server = S3HTTPServer(service: service, host: host, port: port)
        self.lifecycleInterval = lifecycleInterval
    }

    /// Serves until cancelled; `onReady` gets the bound port once the socket listens.
    public func run(onReady: @escaping @Sendable (Int) async -> Void) async throws {
        let logger = service.logger
        let sweeper = LifecycleSweeper(store: store, clock: service.clock, logger: logger)
        let interval = lifecycleInterval
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run(onReady: onReady) }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    do {
                        try await sweeper.sweep()
                    } catch {
                        logger.error("lifecycle sweep failed", metadata: ["error": "\(error)"])
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
