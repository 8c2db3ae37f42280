import Foundation
import LambdaRuntime
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// One execution environment: a bootstrap process, its Runtime API listener, and one invocation at a time.
///
/// The process starts on the first invoke and again on the next invoke after it died (crash, timeout,
/// init error). Timeouts and init errors end the process: SIGTERM, then SIGKILL after the grace period.
public actor ExecutionEnvironment {
    /// The live parts of one process generation.
    private struct Generation {
        let session: RuntimeSession
        let server: RuntimeAPIServer
        let process: ChildProcess
        let output: OutputCapture
        let spawnedAt: ContinuousClock.Instant
        var initReported = false
        var exited = false
    }

    public let function: FunctionConfiguration
    private let sink: any FunctionLogSink
    private let logger: Logger
    private let killGracePeriod: Duration
    /// Lambda's limit on the init phase (spawn to first `/next`).
    private let initTimeout: Duration
    /// False while a debugger holds the process: the deadline header stays, nothing is killed at it.
    private let enforcesTimeout: Bool
    private let inheritedEnvironment: [String: String]
    private var generation: Generation?
    private var generationNumber = 0
    private(set) var lastPeakKilobytes = 0
    /// Invocations this environment has answered (the console's view).
    private(set) var invocationsServed = 0
    /// When the current invocation was delivered.
    private var startedAt = ContinuousClock.now
    /// Back-off of a runtime that keeps failing before its first `/next`.
    var crashLoop: CrashLoopBackOff
    /// Times out warm invocations (cold ones have their own timer, which also watches the init limit).
    private let watchdog = InvocationWatchdog()
    /// Invocation and trace ids without a system call each.
    private var identifiers = IdentifierGenerator()
    private var stopped = false

    public init(
        function: FunctionConfiguration, sink: any FunctionLogSink = StandardErrorLogSink(), logger: Logger,
        killGracePeriod: Duration = .seconds(2), initTimeout: Duration = .seconds(10),
        inheritedEnvironment: [String: String] = ProcessInfo.processInfo.environment,
        crashLoop: CrashLoopBackOff = CrashLoopBackOff(), enforcesTimeout: Bool = true
    ) {
        self.crashLoop = crashLoop
        self.enforcesTimeout = enforcesTimeout
        self.function = function
        self.sink = sink
        self.logger = logger
        self.killGracePeriod = killGracePeriod
        self.initTimeout = initTimeout
        self.inheritedEnvironment = inheritedEnvironment
    }

    /// Whether a process is running (used by the reaper and tests).
    public var isRunning: Bool { generation.map { !$0.exited } ?? false }

    /// The running process's id, if any.
    public var processID: Int32? { generation.flatMap { $0.exited ? nil : $0.process.pid } }

    /// Runs one invocation to its end and returns the result with its log.
    ///
    /// The invocation is bound to this environment's runtime only when that runtime takes it on `/next`: if
    /// a warm runtime exited between invocations (idle, or right after its last answer), the invocation
    /// starts a fresh process instead of failing. Only an invocation the runtime took, or one whose own cold
    /// start failed, gets `Runtime.ExitError`.
    public func invoke(_ request: InvocationRequest, stream: ResponseStream? = nil) async -> InvocationResult {
        var retriedOnFreshProcess = false
        while true {
            let cold = !isRunning
            if cold {
                if let refusal = crashLoopRefusal(request) { return refusal }
                do {
                    try await launch()
                } catch {
                    let outcome = RuntimeOutcome.initError(
                        body: ErrorDocument.make(type: "Runtime.InvalidEntrypoint", message: String(describing: error)))
                    sink.write(function: function.name, line: "launch failed: \(error)")
                    return InvocationResult(requestID: request.requestID, outcome: outcome, function: function, log: [])
                }
            }
            guard let current = generation else {
                return InvocationResult(
                    requestID: request.requestID, outcome: .runtimeExited(.exited(-1)), function: function, log: [])
            }
            let delivery = await deliver(request, to: current, cold: cold, stream: stream)
            if !cold, !retriedOnFreshProcess, case .runtimeExited = delivery.outcome,
                !current.session.wasHandedOut(invocationID: delivery.invocationID)
            {
                // The warm runtime went away before taking this invocation: a fresh process takes it.
                _ = current.output.takeLog()
                retriedOnFreshProcess = true
                logger.debug(
                    "runtime exited between invocations; starting a fresh one",
                    metadata: ["function": .string(function.name), "requestId": .string(request.requestID)])
                continue
            }
            if cold { await recordInitOutcome(current.session, outcome: delivery.outcome) }
            return await finish(request.requestID, delivery.outcome, current: current, cold: cold)
        }
    }

    /// Starts the process before any invocation and waits until its runtime asks for work, so a debugger can
    /// attach before an event arrives; returns the process id, or nil when the init failed (the next invoke
    /// starts a fresh process and answers that failure as usual).
    public func startAhead() async throws -> Int32? {
        if let running = processID { return running }
        try await launch()
        guard let current = generation else { return nil }
        let session = current.session
        let initLimit = initTimeout
        let timer = Task {
            try await Task.sleep(for: initLimit)
            session.terminate(.timedOut)
        }
        let ready = await session.waitUntilReady()
        timer.cancel()
        guard ready else {
            await endProcess()?.value
            return nil
        }
        return current.process.pid
    }

    private func deliver(_ request: InvocationRequest, to current: Generation, cold: Bool, stream: ResponseStream?)
        async -> (
            outcome: RuntimeOutcome, invocationID: String
        )
    {
        current.output.append(line: "START RequestId: \(request.requestID) Version: $LATEST")
        startedAt = ContinuousClock.now
        let invocation = RuntimeInvocation(
            requestID: request.requestID, invocationID: LambdaRequestID.make(using: &identifiers),
            deadlineMilliseconds: LambdaClock().now.advanced(by: function.timeout).millisecondsSinceEpoch,
            functionARN: function.arn, traceID: TraceID.make(using: &identifiers), clientContext: request.clientContext,
            cognitoIdentity: request.cognitoIdentity, tenantID: request.tenantID, payload: request.payload)
        let session = current.session
        if !cold {
            // A warm runtime takes the invocation at once: its timeout runs from now, on the watchdog.
            let armed = enforcesTimeout ? watchdog.arm(session, deadline: .now.advanced(by: function.timeout)) : nil
            let outcome = await session.deliver(invocation, stream: stream)
            if let armed { watchdog.disarm(armed) }
            return (outcome, invocation.invocationID)
        }
        let timeout = function.timeout
        let initLimit = initTimeout
        let enforcesTimeout = enforcesTimeout
        let timer = Task {
            // Init has its own limit; the function timeout runs from hand-out, like the deadline header.
            let initTimer = Task {
                try await Task.sleep(for: initLimit)
                session.terminate(.timedOut)
            }
            await session.waitForHandOut()
            initTimer.cancel()
            guard enforcesTimeout else { return }
            try await Task.sleep(for: timeout)
            session.terminate(.timedOut)
        }
        let outcome = await session.deliver(invocation, stream: stream)
        timer.cancel()
        return (outcome, invocation.invocationID)
    }

    private func finish(_ id: String, _ outcome: RuntimeOutcome, current: Generation, cold: Bool) async
        -> InvocationResult
    {
        let finishedAt = ContinuousClock.now
        let initializedAt = current.session.initializedAt
        var initDuration: Duration?
        if !current.initReported, let initializedAt {
            initDuration = current.spawnedAt.duration(to: initializedAt)
            generation?.initReported = true
        }
        let duration = (initializedAt.map { max($0, startedAt) } ?? startedAt).duration(to: finishedAt)
        if let peak = current.process.peakResidentKilobytes() { lastPeakKilobytes = peak }

        switch outcome {
        case .timedOut:
            current.output.append(
                line: "\(Self.timestamp()) \(id) Task timed out after \(function.timeoutSecondsText) seconds")
            endProcess()
        case .initError:
            endProcess()
        default: break
        }
        current.output.drain()
        current.output.append(line: "END RequestId: \(id)")
        let report = InvocationReport(
            duration: duration, initDuration: initDuration, memorySizeMB: function.memorySizeMB,
            maxMemoryUsedMB: (lastPeakKilobytes + 1023) / 1024, coldStart: cold)
        current.output.append(line: report.line(requestID: id))
        invocationsServed += 1
        var result = InvocationResult(
            requestID: id, outcome: outcome, function: function, log: current.output.takeLog())
        result.report = report
        return result
    }

    /// Stops the process (SIGTERM, SIGKILL after the grace period) and the listener; no process starts after.
    public func shutdown() async {
        stopped = true
        await endProcess()?.value
    }

    /// Answers at once, without a process, while the emulator stops or a crash loop backs off.
    private func crashLoopRefusal(_ request: InvocationRequest) -> InvocationResult? {
        let message: String
        if stopped {
            message = "RequestId: \(request.requestID) Error: the emulator is shutting down"
        } else if let waiting = crashLoop.refusal(now: .now) {
            message = "RequestId: \(request.requestID) Error: \(waiting)"
        } else {
            return nil
        }
        let body = ErrorDocument.make(type: "Runtime.ExitError", message: message)
        return InvocationResult(
            requestID: request.requestID, outcome: .initError(body: body), function: function, log: [])
    }

    /// Counts a cold start whose process died before the runtime's first `/next` (exit, or killed at the init
    /// limit). A runtime that reported its failure on `/init/error` is not crashing: its error is the answer.
    private func recordInitOutcome(_ session: RuntimeSession, outcome: RuntimeOutcome) async {
        if session.initializedAt != nil {
            crashLoop.succeeded()
            return
        }
        let reason: String
        switch outcome {
        case .runtimeExited(let exit): reason = "\(exit)"
        case .timedOut: reason = "init timeout"
        default: return
        }
        if let delay = crashLoop.failed(reason: reason, now: .now) {
            logger.warning(
                "runtime keeps failing before its first /next; backing off",
                metadata: [
                    "function": .string(function.name), "failures": "\(crashLoop.consecutiveFailures)",
                    "last": .string(reason), "nextStartInSeconds": "\(delay.milliseconds / 1000)",
                ])
        }
    }

    // MARK: Process lifecycle

    private func launch() async throws {
        let session = RuntimeSession(timeout: function.timeout)
        let server = try await RuntimeAPIServer.start(session: session, logger: logger)
        let variables = LambdaProcessEnvironment.make(
            for: function, runtimeAPI: server.address, inherited: inheritedEnvironment)
        generationNumber += 1
        let number = generationNumber
        let spawnedAt = ContinuousClock.now
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(
                executable: function.codeDirectory.appendingPathComponent("bootstrap").path,
                environment: variables, workingDirectory: function.codeDirectory.path
            ) { [weak self] exit in
                Task { await self?.processExited(exit, generation: number) }
            }
        } catch {
            server.stop()
            throw error
        }
        let output = OutputCapture(descriptor: process.outputDescriptor, function: function.name, sink: sink)
        output.start()
        generation = Generation(
            session: session, server: server, process: process, output: output, spawnedAt: spawnedAt)
    }

    private func processExited(_ exit: ProcessExit, generation number: Int) async {
        guard number == generationNumber, var current = generation, !current.exited else { return }
        current.exited = true
        generation = current
        current.session.terminate(.runtimeExited(exit))
        current.server.stop()
        logger.debug("runtime exited", metadata: ["function": .string(function.name), "exit": "\(exit)"])
    }

    /// SIGTERM to the process group, SIGKILL once the grace period passes with any member still alive; the
    /// returned task ends when the group is gone.
    @discardableResult
    private func endProcess() -> Task<Void, Never>? {
        guard var current = generation, !current.exited else { return nil }
        current.exited = true
        generation = current
        let process = current.process
        let session = current.session
        let server = current.server
        let grace = killGracePeriod
        process.signal(SIGTERM)
        return Task {
            session.terminate(.runtimeExited(.signaled(SIGTERM)))
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: grace)
            // The listener is stopped no sooner than this, so the refusal of a held `/next` still reaches the
            // runtime before its connection is closed.
            let listenerStop = clock.now.advanced(by: min(grace, .milliseconds(200)))
            while clock.now < deadline, process.isGroupAlive || clock.now < listenerStop {
                do {
                    try await Task.sleep(for: .milliseconds(20))
                } catch {
                    break
                }
            }
            // The group may already be gone; SIGKILL to a reaped pid group is harmless (ESRCH).
            process.signal(SIGKILL)
            server.stop()
        }
    }

    /// Milliseconds with two decimals, as Lambda's REPORT line writes them (no `String(format:)` per invoke).
    static func format(_ duration: Duration) -> String {
        let hundredths = max(0, Int((duration.milliseconds * 100).rounded()))
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
