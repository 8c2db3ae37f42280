/// Consecutive start failures of one environment's runtime (exits or init errors before the first `/next`),
/// and the back-off that stops a crash-looping bootstrap from being restarted on every invocation.
public struct CrashLoopBackOff: Sendable {
    /// Failures in a row before starts are held back.
    public var threshold: Int
    /// The first hold-back; it doubles with each further failure, up to `maximum`.
    public var initial: Duration
    public var maximum: Duration
    public private(set) var consecutiveFailures = 0
    private var lastReason = ""
    private var nextStart: ContinuousClock.Instant?

    public init(threshold: Int = 3, initial: Duration = .seconds(1), maximum: Duration = .seconds(30)) {
        self.threshold = threshold
        self.initial = initial
        self.maximum = maximum
    }

    /// Records a failed start; returns the hold-back when the crash loop threshold is reached.
    mutating func failed(reason: String, now: ContinuousClock.Instant) -> Duration? {
        consecutiveFailures += 1
        lastReason = reason
        guard consecutiveFailures >= threshold else { return nil }
        var delay = initial
        for _ in 0..<min(consecutiveFailures - threshold, 16) where delay < maximum { delay *= 2 }
        delay = min(delay, maximum)
        nextStart = now.advanced(by: delay)
        return delay
    }

    /// A start reached `/next`: the loop is broken.
    mutating func succeeded() {
        consecutiveFailures = 0
        nextStart = nil
    }

    /// Why no process may start now, or nil when one may.
    func refusal(now: ContinuousClock.Instant) -> String? {
        guard let nextStart, now < nextStart else { return nil }
        let seconds = Double(Int(now.duration(to: nextStart).milliseconds / 100)) / 10
        return "Runtime failed to start \(consecutiveFailures) times in a row (last: \(lastReason)); "
            + "next start attempt in \(seconds) s"
    }
}
