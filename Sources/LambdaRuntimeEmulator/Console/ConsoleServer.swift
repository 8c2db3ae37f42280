import Foundation
import Hummingbird
import LocalDynamo
import LocalS3
import Logging

/// What the console reads: the emulator and its history, LocalDynamo and LocalS3 in-process (no second copy
/// of any state), the sample events and the page's static files.
public struct ConsoleSources: Sendable {
    public var emulator: LambdaEmulator
    public var history: InvocationHistory
    /// LocalDynamo's engine, when `serve` runs the local services.
    public var dynamo: DynamoEngine?
    /// LocalS3, when `serve` runs the local services, and the port a browser downloads objects from.
    public var s3: S3Service?
    public var s3Port: Int?
    /// The project's `events/` folder.
    public var eventsDirectory: URL?
    /// The console page (`console/`); without it only the API answers.
    public var staticDirectory: URL?
    /// The function served as a Function URL (its sample events are `events/function-url/`).
    public var gatewayFunction: String?
    /// The ports of the stack, as `serve` printed them.
    public var ports: [String: Int]

    public init(
        emulator: LambdaEmulator, history: InvocationHistory, dynamo: DynamoEngine? = nil, s3: S3Service? = nil,
        s3Port: Int? = nil, eventsDirectory: URL? = nil, staticDirectory: URL? = nil, gatewayFunction: String? = nil,
        ports: [String: Int] = [:]
    ) {
        self.emulator = emulator
        self.history = history
        self.dynamo = dynamo
        self.s3 = s3
        self.s3Port = s3Port
        self.eventsDirectory = eventsDirectory
        self.staticDirectory = staticDirectory
        self.gatewayFunction = gatewayFunction
        self.ports = ports
    }
}

/// The local console: its page and the JSON API under `/_console/api/` (default port 3003).
public final class ConsoleServer: Sendable {
    public let port: Int
    private let task: Task<Void, Never>

    private init(port: Int, task: Task<Void, Never>) {
        self.port = port
        self.task = task
    }

    /// Listens on `host:port` (0 picks a free port) and returns once bound.
    public static func start(sources: ConsoleSources, host: String, port: Int, logger: Logger) async throws
        -> ConsoleServer
    {
        let bound = BoundPort()
        let router = makeRouter(sources: sources, requestGuard: ConsoleRequestGuard(host: host), port: bound)
        return try await HTTPListener.start(router: router, host: host, port: port, logger: logger) { port, task in
            bound.value = port
            return ConsoleServer(port: port, task: task)
        }
    }

    /// Every route of the console, each behind the request guard.
    static func makeRouter(sources: ConsoleSources, requestGuard: ConsoleRequestGuard, port: BoundPort)
        -> Router<BasicRequestContext>
    {
        let router = Router()
        let routes = ConsoleRoutes(router: router, requestGuard: requestGuard, port: port)
        let io = SerialIOThread(name: "console-io")
        FunctionsAPI(sources: sources, io: io).register(routes)
        InvocationsAPI(history: sources.history).register(routes)
        QueueAPI(emulator: sources.emulator).register(routes)
        TablesAPI(engine: sources.dynamo).register(routes)
        BucketsAPI(service: sources.s3, port: sources.s3Port, io: io).register(routes)
        OverviewAPI(sources: sources).register(routes)
        StaticFiles(directory: sources.staticDirectory, io: io).register(routes)
        return router
    }

    public func stop() {
        task.cancel()
    }
}
