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
    private let inheritedEnvironment: [String: String]
    private var generation: Generation?
    private var generationNumber = 0
    private var lastPeakKilobytes = 0

    public init(
        function: FunctionConfiguration, sink: any FunctionLogSink = StandardErrorLogSink(), logger: Logger,
        killGracePeriod: Duration = .seconds(2), initTimeout: Duration = .seconds(10),
        inheritedEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) {
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
    public func invoke(_ request: InvocationRequest) async -> InvocationResult {
        let cold = !isRunning
        if cold {
            do {
                try await launch()
            } catch {
                let outcome = RuntimeOutcome.initError(
                    body: ErrorDocument.make(type: "Runtime.InvalidEntrypoint", message: String(describing: error)))
                sink.write(function: function.name, line: "launch failed: \(error)")
                return InvocationResult(requestID: request.requestID, outcome: outcome, function: function, log: [])
            }
        }
        guard var current = generation else {
            return InvocationResult(
                requestID: request.requestID, outcome: .runtimeExited(.exited(-1)), function: function, log: [])
        }
        let id = request.requestID
        current.output.append(line: "START RequestId: \(id) Version: $LATEST")
        let startedAt = ContinuousClock.now
        let invocation = RuntimeInvocation(
            requestID: id, invocationID: UUID().uuidString.lowercased(),
            deadlineMilliseconds: LambdaClock().now.advanced(by: function.timeout).millisecondsSinceEpoch,
            functionARN: function.arn, traceID: TraceID.make(), clientContext: request.clientContext,
            cognitoIdentity: request.cognitoIdentity, tenantID: request.tenantID, payload: request.payload)
        let session = current.session
        let timeout = function.timeout
        let initLimit: Duration? = cold ? initTimeout : nil
        let timer = Task {
            // Init has its own limit; the function timeout runs from hand-out, like the deadline header.
            if let initLimit {
                let initTimer = Task {
                    try await Task.sleep(for: initLimit)
                    await session.terminate(.timedOut)
                }
                await session.waitForHandOut()
                initTimer.cancel()
            }
            try await Task.sleep(for: timeout)
            await session.terminate(.timedOut)
        }
        let outcome = await session.deliver(invocation)
        timer.cancel()
        let finishedAt = ContinuousClock.now

        let initializedAt = await session.initializedAt
        var initDuration: Duration?
        if !current.initReported, let initializedAt {
            initDuration = current.spawnedAt.duration(to: initializedAt)
            current.initReported = true
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
        current.output.append(line: reportLine(id: id, initDuration: initDuration, duration: duration))
        let log = current.output.takeLog()
        return InvocationResult(requestID: id, outcome: outcome, function: function, log: log)
    }

    /// Stops the process (SIGTERM, SIGKILL after the grace period) and the listener.
    public func shutdown() {
        endProcess()
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
        await current.session.terminate(.runtimeExited(exit))
        current.server.stop()
        logger.debug("runtime exited", metadata: ["function": .string(function.name), "exit": "\(exit)"])
    }

    private func endProcess() {
        guard var current = generation, !current.exited else { return }
        current.exited = true
        generation = current
        let process = current.process
        let session = current.session
        let server = current.server
        let grace = killGracePeriod
        process.signal(SIGTERM)
        Task {
            await session.terminate(.runtimeExited(.signaled(SIGTERM)))
            try? await Task.sleep(for: grace)
            // The group may already be gone; SIGKILL to a reaped pid group is harmless (ESRCH).
            process.signal(SIGKILL)
            // Only now stop the listener: cancelling it while it still writes the refusal of a held `/next`
            // trips NIOAsyncWriter's "deinited without finish()" trap and crashes the emulator.
            server.stop()
        }
    }

    private func reportLine(id: String, initDuration: Duration?, duration: Duration) -> String {
        var line = "REPORT RequestId: \(id)\t"
        if let initDuration { line += "Init Duration: \(Self.format(initDuration)) ms\t" }
        let billed = max(1, Int((duration.milliseconds).rounded(.up)))
        line += "Duration: \(Self.format(duration)) ms\tBilled Duration: \(billed) ms\t"
        line += "Memory Size: \(function.memorySizeMB) MB\t"
        line += "Max Memory Used: \((lastPeakKilobytes + 1023) / 1024) MB\t"
        return line
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
