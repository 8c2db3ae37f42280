#if canImport(Glibc)
    import Glibc
#endif

/// A `Swift.Clock` whose instants are wall-clock times since the Unix epoch, so one injected value both tells
/// the date (TTL, expiry, timestamps) and sleeps (politeness delays, backoff); tests inject a manual one.
public protocol WallClock: Clock, Sendable where Instant == UnixInstant, Duration == Swift.Duration {}

/// A point in wall-clock time: the duration since 1970-01-01T00:00:00Z.
public struct UnixInstant: InstantProtocol, Sendable, Hashable, Comparable {
    /// The time since the Unix epoch.
    public let sinceEpoch: Duration

    public init(sinceEpoch: Duration) { self.sinceEpoch = sinceEpoch }

    /// The instant `seconds` after the Unix epoch.
    public init(secondsSinceEpoch seconds: Double) { sinceEpoch = .seconds(seconds) }

    /// Seconds since the Unix epoch, with the fraction.
    public var secondsSinceEpoch: Double {
        let (seconds, attoseconds) = sinceEpoch.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Whole seconds since the Unix epoch (rounded down).
    public var wholeSecondsSinceEpoch: Int64 {
        let (seconds, attoseconds) = sinceEpoch.components
        return attoseconds < 0 ? seconds - 1 : seconds
    }

    public func advanced(by duration: Duration) -> UnixInstant { UnixInstant(sinceEpoch: sinceEpoch + duration) }

    public func duration(to other: UnixInstant) -> Duration { other.sinceEpoch - sinceEpoch }

    public static func < (lhs: UnixInstant, rhs: UnixInstant) -> Bool { lhs.sinceEpoch < rhs.sinceEpoch }
}

/// The machine's real-time clock; sleeping waits on the task (and throws if the task is cancelled).
public struct SystemWallClock: WallClock {
    public init() {}

    public var now: UnixInstant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UnixInstant(sinceEpoch: .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec))
    }

    public var minimumResolution: Duration { .nanoseconds(1) }

    public func sleep(until deadline: UnixInstant, tolerance: Duration? = nil) async throws {
        let remaining = now.duration(to: deadline)
        // Always pass through Task.sleep, even for a deadline already past, so cancellation is observed.
        try await Task.sleep(for: max(remaining, .zero), tolerance: tolerance)
    }
}

extension WallClock {
    /// Sleeps for `seconds` (nothing for zero or less), throwing if the task is cancelled.
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await sleep(for: .seconds(seconds))
    }
}
