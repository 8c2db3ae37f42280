/// The figures of an invocation's REPORT line.
public struct InvocationReport: Sendable, Equatable {
    /// From delivery (or the end of init, for a cold start) to the answer.
    public var duration: Duration
    /// Spawn to the runtime's first `/next`, reported on the first invocation of a process.
    public var initDuration: Duration?
    public var memorySizeMB: Int
    /// The process's peak resident memory so far, in MB rounded up.
    public var maxMemoryUsedMB: Int
    /// Whether this invocation started a process.
    public var coldStart: Bool

    /// Whole milliseconds, rounded up, at least 1 (Lambda's billing).
    public var billedMilliseconds: Int { max(1, Int(duration.milliseconds.rounded(.up))) }

    /// `REPORT RequestId: … Duration: … Billed Duration: … Memory Size: … Max Memory Used: …`, tab-separated.
    func line(requestID: String) -> String {
        var line = "REPORT RequestId: \(requestID)\t"
        if let initDuration { line += "Init Duration: \(ExecutionEnvironment.format(initDuration)) ms\t" }
        line += "Duration: \(ExecutionEnvironment.format(duration)) ms\tBilled Duration: \(billedMilliseconds) ms\t"
        line += "Memory Size: \(memorySizeMB) MB\t"
        line += "Max Memory Used: \(maxMemoryUsedMB) MB\t"
        return line
    }
}
