/// How often and how long to retry a throttled or failed AWS call: exponential backoff with full jitter.
public struct RetryPolicy: Sendable {
    /// Total attempts, the first included.
    public var maxAttempts: Int
    /// The first backoff ceiling; each retry doubles it up to `maxDelay`.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// Draws a fraction in [0, 1); injected so tests are deterministic.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(50), maxDelay: Duration = .seconds(5),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before retry number `retry` (1 for the first retry): uniform in [0, min(max, base * 2^(retry-1))].
    public func delay(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        let seconds = Double(ceiling.components.seconds) + Double(ceiling.components.attoseconds) / 1e18
        return .nanoseconds(Int64(seconds * random() * 1e9))
    }
}
