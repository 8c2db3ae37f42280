/// How a client retries, the one retry policy of the project (AWS clients, the chat-completions client, the
/// scrapers): how many attempts, and the wait before each retry, growing exponentially or linearly up to a
/// cap, with optional full jitter; a server's `Retry-After` (seconds) is honoured up to the same cap.
public struct RetryPolicy: Sendable {
    /// How the wait grows from one retry to the next.
    public enum Growth: Sendable {
        /// base, 2 x base, 4 x base, ...
        case exponential
        /// base, 2 x base, 3 x base, ...
        case linear
    }

    /// Total attempts, the first included.
    public var maxAttempts: Int
    /// The wait before the first retry (its ceiling, with jitter).
    public var baseDelay: Duration
    /// The longest wait, a server's `Retry-After` included.
    public var maxDelay: Duration
    public var growth: Growth
    /// Draws a fraction in [0, 1) for full jitter (the wait is uniform below its ceiling); nil waits the
    /// ceiling itself. Injected so tests are deterministic.
    public var random: (@Sendable () -> Double)?

    /// AWS's SDK default: three attempts, full jitter over 50 ms doubling up to 5 s.
    public init(
        maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(50), maxDelay: Duration = .seconds(5),
        growth: Growth = .exponential, random: (@Sendable () -> Double)? = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.growth = growth
        self.random = random
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before retry number `retry` (1 for the first): the server's `Retry-After` seconds when it sent a
    /// usable one, else the policy's ceiling for that retry (jittered when the policy jitters); never over
    /// `maxDelay`.
    public func delay(beforeRetry retry: Int, retryAfter: String? = nil) -> Duration {
        if let seconds = retryAfter.flatMap(Self.seconds(from:)) {
            return min(.nanoseconds(Int64(min(seconds, 86_400) * 1e9)), maxDelay)
        }
        let step = max(retry, 1)
        let ceiling: Duration
        switch growth {
        case .exponential: ceiling = min(maxDelay, baseDelay * (1 << min(step - 1, 30)))
        case .linear: ceiling = min(maxDelay, baseDelay * step)
        }
        guard let random else { return ceiling }
        return .nanoseconds(Int64(Self.seconds(ceiling) * random() * 1e9))
    }

    /// What one attempt came to.
    public enum Decision<Value, Failure: Error> {
        /// Final: returned or thrown as it is.
        case finish(Result<Value, Failure>)
        /// Worth another attempt; returned or thrown as it is when none is left. `retryAfter` is the server's
        /// hint, if it gave one.
        case retry(Result<Value, Failure>, retryAfter: String? = nil)
    }

    /// Runs `attempt` (numbered from 1) until it finishes or the attempts run out, waiting with `sleep` between
    /// attempts; a failed `sleep` (cancellation) ends the loop with its error.
    public func run<Value, Failure: Error>(
        isolation: isolated (any Actor)? = #isolation,
        sleep: (Duration) async throws(Failure) -> Void,
        _ attempt: (_ number: Int) async throws(Failure) -> Decision<Value, Failure>
    ) async throws(Failure) -> Value {
        var number = 1
        while true {
            switch try await attempt(number) {
            case .finish(let result):
                return try result.get()
            case .retry(let result, let retryAfter):
                guard number < maxAttempts else { return try result.get() }
                try await sleep(delay(beforeRetry: number, retryAfter: retryAfter))
                number += 1
            }
        }
    }

    /// Seconds in a duration, as a Double.
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `Retry-After` as delta-seconds (an HTTP date is not honoured: the policy's own wait applies).
    private static func seconds(from retryAfter: String) -> Double? {
        guard let seconds = Double(retryAfter.trimmingWhitespaces()), seconds >= 0, seconds.isFinite else { return nil }
        return seconds
    }
}
