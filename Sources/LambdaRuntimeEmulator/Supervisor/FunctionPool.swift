import BuildingBlocks
import Logging

/// Up to `reservedConcurrency` environments of one function, shared by synchronous invokes (a bounded FIFO)
/// and queued events (served only when no synchronous invoke waits, as on Lambda).
public actor FunctionPool {
    /// Who is asking for an environment.
    public enum Priority: Sendable {
        /// `RequestResponse` and Function URL calls: first in line, bounded by `queueLimit`.
        case synchronous
        /// A queued `Event`: waits behind every synchronous invoke; the async queue bounds how many wait.
        case event
    }

    /// Why an invoke was not run.
    public enum Refusal: Error, Equatable {
        /// Every environment is busy and the queue is full.
        case queueFull(limit: Int)
    }

    public let function: FunctionConfiguration
    private let makeEnvironment: @Sendable () -> ExecutionEnvironment
    /// Told of every invocation (the console's history); nil records nothing.
    private let observer: (any InvocationObserver)?
    private var idle: [(environment: ExecutionEnvironment, since: ContinuousClock.Instant)] = []
    private var environmentCount = 0
    /// Every environment created and not reaped, busy or idle, so shutdown can stop them all.
    private var created: [ObjectIdentifier: ExecutionEnvironment] = [:]
    private var waiters = FIFOQueue<CheckedContinuation<ExecutionEnvironment, Never>>()
    private var eventWaiters = FIFOQueue<CheckedContinuation<ExecutionEnvironment, Never>>()

    public init(
        function: FunctionConfiguration, observer: (any InvocationObserver)? = nil,
        makeEnvironment: @escaping @Sendable () -> ExecutionEnvironment
    ) {
        self.function = function
        self.observer = observer
        self.makeEnvironment = makeEnvironment
    }

    public init(function: FunctionConfiguration, sink: any FunctionLogSink, logger: Logger) {
        self.init(function: function) { ExecutionEnvironment(function: function, sink: sink, logger: logger) }
    }

    /// Runs the invocation in a free environment, waiting in line when all are busy.
    public func invoke(
        _ request: InvocationRequest, priority: Priority = .synchronous, stream: ResponseStream? = nil
    ) async throws(Refusal) -> InvocationResult {
        let token = observer?.invocationStarted(request, function: function.name)
        let environment: ExecutionEnvironment
        do {
            environment = try await acquire(priority)
        } catch {
            if let token { observer?.invocationEnded(token, result: nil) }
            throw error
        }
        let result = await environment.invoke(request, stream: stream)
        release(environment)
        if let token { observer?.invocationEnded(token, result: result) }
        return result
    }

    /// Starts one environment's process ahead of the next invocation (which it then serves) and returns its
    /// pid; nil when its init failed.
    public func startAhead() async throws -> Int32? {
        let environment = try await acquire(.synchronous)
        defer { release(environment) }
        return try await environment.startAhead()
    }

    /// Environments created so far (busy or idle).
    public var environments: Int { environmentCount }

    /// Invocations waiting for an environment.
    public var queued: Int { waiters.count + eventWaiters.count }

    /// Every environment not reaped, with since when it idles (nil while it runs an invocation).
    var environmentList: [(environment: ExecutionEnvironment, idleSince: ContinuousClock.Instant?)] {
        created.values.map { environment in
            (environment, idle.first { $0.environment === environment }?.since)
        }
    }

    /// Stops environments idle since before `cutoff`; they are created again when needed.
    public func reapIdle(before cutoff: ContinuousClock.Instant) async {
        let stale = idle.filter { $0.since < cutoff }
        idle.removeAll { $0.since < cutoff }
        environmentCount -= stale.count
        for entry in stale {
            created[ObjectIdentifier(entry.environment)] = nil
            await entry.environment.shutdown()
        }
    }

    /// Stops every environment's process, busy or idle (the emulator is exiting).
    public func shutdown() async {
        await withTaskGroup(of: Void.self) { group in
            for environment in created.values { group.addTask { await environment.shutdown() } }
        }
    }

    private func acquire(_ priority: Priority) async throws(Refusal) -> ExecutionEnvironment {
        if let entry = idle.popLast() { return entry.environment }
        if environmentCount < function.reservedConcurrency {
            environmentCount += 1
            let environment = makeEnvironment()
            created[ObjectIdentifier(environment)] = environment
            return environment
        }
        if priority == .event { return await withCheckedContinuation { eventWaiters.append($0) } }
        guard waiters.count < function.queueLimit else { throw .queueFull(limit: function.queueLimit) }
        return await withCheckedContinuation { waiters.append($0) }
    }

    private func release(_ environment: ExecutionEnvironment) {
        if let waiter = waiters.popFirst() ?? eventWaiters.popFirst() {
            waiter.resume(returning: environment)
        } else {
            idle.append((environment, .now))
        }
    }
}
