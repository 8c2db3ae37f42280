import Foundation
import JobsAI

/// A limiter in memory, for tests and one-process use; the same window rules as `DynamoRateLimiter`.
public actor InMemoryRateLimiter: RateLimiting {
    private let window: RateLimitWindow
    private var counts: [String: (windowStart: Int, count: Int)] = [:]

    public init(_ window: RateLimitWindow) { self.window = window }

    public func admit(_ clientIP: String, at now: Date) -> RateLimitOutcome {
        let start = window.start(at: now)
        var count = counts[clientIP].flatMap { $0.windowStart == start ? $0.count : nil } ?? 0
        guard count < window.limit else {
            return .decided(window.decision(count: count, allowed: false, windowStart: start))
        }
        count += 1
        counts[clientIP] = (start, count)
        return .decided(window.decision(count: count, allowed: true, windowStart: start))
    }
}
