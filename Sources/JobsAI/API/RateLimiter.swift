#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the limiter decided for one start request, for the `X-RateLimit-*` headers.
public struct RateLimitDecision: Sendable, Equatable {
    public var allowed: Bool
    public var limit: Int
    public var remaining: Int
    /// When the current window ends.
    public var resetAt: Date

    public init(allowed: Bool, limit: Int, remaining: Int, resetAt: Date) {
        self.allowed = allowed
        self.limit = limit
        self.remaining = remaining
        self.resetAt = resetAt
    }

    /// The headers every start response carries.
    public var headers: [String: String] {
        [
            "X-RateLimit-Limit": String(limit), "X-RateLimit-Remaining": String(remaining),
            "X-RateLimit-Reset": String(Int(resetAt.timeIntervalSince1970)),
        ]
    }

    /// Whole seconds until the window ends (at least 1), for `Retry-After`.
    public func retryAfter(from now: Date) -> Int { max(1, Int(resetAt.timeIntervalSince(now).rounded(.up))) }
}

/// The limiter's answer: a decision, or the storage failure that let the request through (fail-open).
public enum RateLimitOutcome: Sendable, Equatable {
    case decided(RateLimitDecision)
    case failedOpen(reason: String)
}

/// A fixed-window limit on start requests per client address.
public protocol RateLimiting: Sendable {
    /// Counts one request from `clientIP` at `now` and says whether it is admitted.
    func admit(_ clientIP: String, at now: Date) async -> RateLimitOutcome
}

/// The window arithmetic shared by the limiters: windows are aligned to multiples of their length.
public struct RateLimitWindow: Sendable, Equatable {
    public var limit: Int
    public var seconds: Int

    public init(limit: Int, seconds: Int) {
        self.limit = limit
        self.seconds = max(1, seconds)
    }

    /// The start of the window holding `now`, in epoch seconds.
    public func start(at now: Date) -> Int {
        let epoch = Int(now.timeIntervalSince1970.rounded(.down))
        return epoch - epoch % seconds
    }

    /// The decision after the window's counter reached `count` (or was refused at `count > limit`).
    public func decision(count: Int, allowed: Bool, windowStart: Int) -> RateLimitDecision {
        RateLimitDecision(
            allowed: allowed, limit: limit, remaining: allowed ? max(0, limit - count) : 0,
            resetAt: Date(timeIntervalSince1970: Double(windowStart + seconds)))
    }
}
