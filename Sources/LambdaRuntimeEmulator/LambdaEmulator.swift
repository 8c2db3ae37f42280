import Foundation
import Logging
import Synchronization

/// The emulator: hosts functions in supervised environments and runs `Event` invocations from a durable queue.
public final class LambdaEmulator: Sendable {
    /// Knobs with Lambda's defaults.
    public struct Options: Sendable {
        /// Where the async queue's database lives.
        public var dataDirectory: URL
        /// Delays before each async retry (Lambda retries twice).
        public var retryDelays: [Duration]
        /// Environments idle this long are stopped.
        public var idleTimeout: Duration
        /// False while debugging: invocations keep their deadline header but are not killed at it.
        public var enforcesTimeouts: Bool

        public init(
            dataDirectory: URL, retryDelays: [Duration] = [.seconds(1), .seconds(2)],
            idleTimeout: Duration = .seconds(600), enforcesTimeouts: Bool = true
        ) {
            self.enforcesTimeouts = enforcesTimeouts
            self.dataDirectory = dataDirectory
            self.retryDelays = retryDelays
            self.idleTimeout = idleTimeout
        }
    }

    public let functions: [String: FunctionConfiguration]
    private let pools: [String: FunctionPool]
    public let queue: AsyncInvoker
    public let store: AsyncEventStore
    /// Every function's `EventInvokeConfig` (template, then the Invoke API's Put/Delete operations).
    public let eventInvokeConfigs: EventInvokeConfigs
    /// DynamoDB stream triggers (template and Invoke API); they poll once `EventSources.start` connects LocalDynamo.
    public let eventSourceMappings: EventSourceMappings
    private let options: Options
    private let reaper: Task<Void, Never>?
    private let sharedEnvironment: SharedEnvironment

    public init(
        functions: [FunctionConfiguration], options: Options, sink: any FunctionLogSink = StandardErrorLogSink(),
        observer: (any InvocationObserver)? = nil, logger: Logger
    ) throws {
        let shared = SharedEnvironment()
        sharedEnvironment = shared
        var configurations: [String: FunctionConfiguration] = [:]
        var pools: [String: FunctionPool] = [:]
        for function in functions {
            configurations[function.name] = function
            pools[function.name] = FunctionPool(function: function, observer: observer) {
                ExecutionEnvironment(
                    function: function, sink: sink, logger: logger,
                    inheritedEnvironment: ProcessInfo.processInfo.environment.merging(shared.value) { _, new in new },
                    enforcesTimeout: options.enforcesTimeouts)
            }
        }
        self.functions = configurations
        self.pools = pools
        let poolsByName = pools
        self.options = options
        try FileManager.default.createDirectory(at: options.dataDirectory, withIntermediateDirectories: true)
        let store = try AsyncEventStore(path: options.dataDirectory.appendingPathComponent("lambda-events.sqlite").path)
        self.store = store
        let invokeByName: AsyncInvoker.Invoke = { name, request in
            guard let pool = poolsByName[name] else { return nil }
            var request = request
            request.origin = .event
            do {
                return try await pool.invoke(request, priority: .event)
            } catch {
                // Event waiters are not bounded by the pool (the queue bounds them), so this is not reached;
                // were it, the attempt counts as a failure and is retried.
                return InvocationResult(
                    requestID: request.requestID,
                    outcome: .functionError(
                        body: ErrorDocument.make(type: "TooManyRequestsException", message: "\(error)")),
                    function: pool.function, log: [])
            }
        }
        let byName = configurations
        var seeded: [String: EventInvokeConfig] = [:]
        for function in functions { seeded[function.name] = function.eventInvokeConfig }
        let eventConfigs = EventInvokeConfigs(seeded)
        self.eventInvokeConfigs = eventConfigs
        queue = AsyncInvoker(
            store: store, retryDelays: options.retryDelays, logger: logger, configs: eventConfigs,
            concurrency: { byName[$0]?.reservedConcurrency ?? 1 },
            arn: { byName[$0]?.arn ?? "arn:aws:lambda:us-east-1:123456789012:function:\($0)" },
            invoke: invokeByName)
        eventSourceMappings = try EventSourceMappings(
            path: options.dataDirectory.appendingPathComponent("event-sources.sqlite").path, deadLetters: store,
            functionArns: configurations.mapValues(\.arn), retryDelays: options.retryDelays, logger: logger
        ) { name, request in
            guard let pool = poolsByName[name] else { return nil }
            do {
                let result = try await pool.invoke(request)
                return result.isFunctionError ? .failed(result.payload) : .succeeded(result.payload)
            } catch {
                return .throttled
            }
        }
        let idleTimeout = options.idleTimeout
        reaper = Task {
            while !Task.isCancelled {
                do { try await Task.sleep(for: min(idleTimeout, .seconds(30))) } catch { return }
                for pool in poolsByName.values { await pool.reapIdle(before: .now.advanced(by: .zero - idleTimeout)) }
            }
        }
    }

    /// Variables every bootstrap started from now on gets (service endpoints, credentials), over the
    /// emulator's own environment; set once the local services know their ports.
    public func setSharedEnvironment(_ variables: [String: String]) {
        sharedEnvironment.value = variables
    }

    /// The variables `setSharedEnvironment` gave every bootstrap.
    public var sharedEnvironmentVariables: [String: String] { sharedEnvironment.value }

    /// The pool of a function, by exact name.
    func pool(named name: String) -> FunctionPool? { pools[name] }

    /// Resumes events stored by an earlier run.
    public func start() async throws {
        try await queue.resumePending(sweepInterval: .seconds(1))
    }

    /// Looks a function up by any reference the Invoke API accepts.
    func resolve(_ reference: String, qualifier: String?) throws(InvokeAPIError) -> FunctionPool {
        guard let parsed = FunctionName(reference) else {
            throw .invalidParameter(
                "1 validation error detected: Value '\(reference)' at 'functionName' failed to satisfy constraint")
        }
        let wanted = qualifier ?? parsed.qualifier
        guard let pool = pools[parsed.name], wanted == nil || wanted == "$LATEST" else {
            let arn = "arn:aws:lambda:us-east-1:123456789012:function:\(parsed.name)"
            throw .functionNotFound(wanted.map { "\(arn):\($0)" } ?? arn)
        }
        return pool
    }

    /// Runs one invocation synchronously (RequestResponse).
    public func invoke(function reference: String, request: InvocationRequest) async throws(InvokeAPIError)
        -> InvocationResult
    {
        let pool = try resolve(reference, qualifier: nil)
        do {
            return try await pool.invoke(request)
        } catch {
            throw .tooManyRequests(pool.function.name)
        }
    }

    /// Starts an environment of the function before invoking it (for a debugger to attach); its pid, or nil
    /// when the function's init failed.
    public func startEnvironment(function reference: String) async throws -> Int32? {
        try await resolve(reference, qualifier: nil).startAhead()
    }

    /// Stops the stream pollers and the queue (undelivered records and events stay stored), then every environment.
    public func shutdown() async {
        reaper?.cancel()
        await eventSourceMappings.stop()
        await queue.stop()
        await withTaskGroup(of: Void.self) { group in
            for pool in pools.values { group.addTask { await pool.shutdown() } }
        }
    }
}

/// A lock-protected variable map read when environments start.
final class SharedEnvironment: Sendable {
    private let variables = Mutex<[String: String]>([:])

    var value: [String: String] {
        get { variables.withLock { $0 } }
        set { variables.withLock { $0 = newValue } }
    }
}
