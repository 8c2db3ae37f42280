/// One execution environment as the console shows it.
public struct EnvironmentSnapshot: Sendable, Equatable, Codable {
    /// `busy` (running an invocation), `idle` (warm, waiting) or `stopped` (its process exited; the next
    /// invocation starts a new one).
    public var state: String
    public var pid: Int32?
    public var invocationsServed: Int
    /// The process's peak resident memory as of its last invocation, in MB rounded up.
    public var peakMemoryMB: Int
    /// Seconds since it became idle.
    public var idleSeconds: Double?
}

extension ExecutionEnvironment {
    func snapshot(idleSince: ContinuousClock.Instant?) -> EnvironmentSnapshot {
        let state = idleSince == nil ? "busy" : isRunning ? "idle" : "stopped"
        return EnvironmentSnapshot(
            state: state, pid: processID, invocationsServed: invocationsServed,
            peakMemoryMB: (lastPeakKilobytes + 1023) / 1024,
            idleSeconds: idleSince.map { $0.duration(to: .now).milliseconds / 1000 })
    }
}

extension FunctionPool {
    /// Every environment of the function, busy ones first, then by process id.
    public func snapshots() async -> [EnvironmentSnapshot] {
        var snapshots: [EnvironmentSnapshot] = []
        for (environment, idleSince) in environmentList {
            snapshots.append(await environment.snapshot(idleSince: idleSince))
        }
        return snapshots.sorted {
            ($0.state == "busy" ? 0 : 1, $0.pid ?? .max) < ($1.state == "busy" ? 0 : 1, $1.pid ?? .max)
        }
    }
}
