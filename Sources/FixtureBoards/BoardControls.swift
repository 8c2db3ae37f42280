import BuildingBlocks

/// Switches tests flip on a running fixture-boards server, and what it has served.
public actor BoardControls {
    /// Requests still to be answered 429.
    public private(set) var throttleRemaining = 0
    /// `Retry-After` seconds sent with a 429.
    public private(set) var retryAfter = 1
    /// Seconds every board page waits before answering.
    public private(set) var latency = 0.0
    /// Board pages served, by kind (`duunitori_search`, `jobly_detail`, ..., `throttled`).
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    /// The next `count` board requests answer 429 with `Retry-After: retryAfter`.
    public func throttle(next count: Int, retryAfter: Int = 1) {
        throttleRemaining = max(0, count)
        self.retryAfter = max(0, retryAfter)
    }

    /// Every board page waits this long (0 to 30 s).
    public func setLatency(_ seconds: Double) { latency = min(max(0, seconds), 30) }

    /// Clears switches and counts.
    public func reset() {
        throttleRemaining = 0
        retryAfter = 1
        latency = 0
        counts = [:]
    }

    /// Records one board request; true when it must be answered 429.
    func admit(_ kind: String) -> Bool {
        if throttleRemaining > 0 {
            throttleRemaining -= 1
            counts["throttled", default: 0] += 1
            return true
        }
        counts[kind, default: 0] += 1
        return false
    }

    /// The state as JSON.
    func snapshot() -> String {
        let state: JSONValue = .object([
            "throttle": .number(Double(throttleRemaining)), "retry_after": .number(Double(retryAfter)),
            "latency": .number(latency), "requests": .object(counts.mapValues { .number(Double($0)) }),
        ])
        return state.sortedCompactText
    }
}
