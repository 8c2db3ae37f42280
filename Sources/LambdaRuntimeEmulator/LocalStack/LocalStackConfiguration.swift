import Foundation

/// Everything a `LocalStack` runs: the functions, the ports of each server, and which optional parts run.
public struct LocalStackConfiguration: Sendable {
    /// LocalDynamo's and LocalS3's ports (0 picks a free one).
    public struct LocalServicePorts: Sendable {
        public var dynamo: Int
        public var s3: Int

        public init(dynamo: Int = 8000, s3: Int = 9000) {
            self.dynamo = dynamo
            self.s3 = s3
        }
    }

    /// One function served as a Function URL.
    public struct Gateway: Sendable {
        public var function: String
        public var port: Int
        /// Nil: the template's `FunctionUrlConfig.InvokeMode`, else `BUFFERED`.
        public var invokeMode: FunctionURLInvokeMode?

        public init(function: String, port: Int = 3000, invokeMode: FunctionURLInvokeMode? = nil) {
            self.function = function
            self.port = port
            self.invokeMode = invokeMode
        }
    }

    /// The local console and the invocation history it shows.
    public struct Console: Sendable {
        /// The port used when none is given.
        public static let defaultPort = 3003

        /// Nil: 3003, skipped with a warning when something else holds it.
        public var port: Int?
        /// Invocations kept (the newest).
        public var historyCapacity: Int
        /// The console's page; without it only its API answers.
        public var staticDirectory: URL?
        /// The sample events it offers.
        public var eventsDirectory: URL?

        public init(
            port: Int? = nil, historyCapacity: Int = 1000, staticDirectory: URL? = nil, eventsDirectory: URL? = nil
        ) {
            self.port = port
            self.historyCapacity = historyCapacity
            self.staticDirectory = staticDirectory
            self.eventsDirectory = eventsDirectory
        }
    }

    public var functions: [FunctionConfiguration]
    /// The template the functions came from: its tables and buckets are provisioned, its triggers run.
    public var template: SAMTemplate?
    /// The address every server listens on.
    public var host: String
    /// The Invoke API's port.
    public var invokePort: Int
    /// The async queue, event source positions, LocalDynamo (`dynamo/`) and LocalS3 (`s3/`).
    public var dataDirectory: URL
    public var retryDelays: [Duration]
    public var idleTimeout: Duration
    /// Run each function from its `<CodeUri>.zip`, unzipped into a temporary directory.
    public var packaged: Bool
    /// Nil runs neither LocalDynamo nor LocalS3 (and so no triggers and no site).
    public var localServices: LocalServicePorts?
    public var gateway: Gateway?
    /// A site directory published into LocalS3's website bucket and served by the gateway outside `/api`
    /// (with the local services only).
    public var siteDirectory: URL?
    /// Nil: no console and no invocation history.
    public var console: Console?
    /// Servers started after the local services, in this order.
    public var companions: [any LocalStackCompanion]
    /// The environment the local services' credentials come from.
    public var environment: [String: String]

    public init(
        functions: [FunctionConfiguration], template: SAMTemplate? = nil, host: String = "127.0.0.1",
        invokePort: Int = 3001, dataDirectory: URL, retryDelays: [Duration] = [.seconds(1), .seconds(2)],
        idleTimeout: Duration = .seconds(600), packaged: Bool = false,
        localServices: LocalServicePorts? = LocalServicePorts(), gateway: Gateway? = nil, siteDirectory: URL? = nil,
        console: Console? = Console(), companions: [any LocalStackCompanion] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.functions = functions
        self.template = template
        self.host = host
        self.invokePort = invokePort
        self.dataDirectory = dataDirectory
        self.retryDelays = retryDelays
        self.idleTimeout = idleTimeout
        self.packaged = packaged
        self.localServices = localServices
        self.gateway = gateway
        self.siteDirectory = siteDirectory
        self.console = console
        self.companions = companions
        self.environment = environment
    }
}
