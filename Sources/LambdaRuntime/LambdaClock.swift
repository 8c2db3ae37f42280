#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A clock whose instants are Unix epoch milliseconds, the unit of the `Lambda-Runtime-Deadline-Ms` header.
public struct LambdaClock: Clock {
    /// A point in time as milliseconds since the Unix epoch.
    public struct Instant: InstantProtocol, Sendable, Hashable, Comparable {
        /// Milliseconds since 1970-01-01T00:00:00Z.
        public let millisecondsSinceEpoch: Int64

        public init(millisecondsSinceEpoch: Int64) {
            self.millisecondsSinceEpoch = millisecondsSinceEpoch
        }

        public func advanced(by duration: Duration) -> Instant {
            Instant(millisecondsSinceEpoch: millisecondsSinceEpoch + duration.wholeMilliseconds)
        }

        public func duration(to other: Instant) -> Duration {
            .milliseconds(other.millisecondsSinceEpoch - millisecondsSinceEpoch)
        }

        public static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
        }
    }

    public init() {}

    public var now: Instant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Instant(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public var minimumResolution: Duration { .milliseconds(1) }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let remaining = now.duration(to: deadline)
        if remaining > .zero {
            try await Task.sleep(for: remaining, tolerance: tolerance)
        }
    }
}

extension Duration {
    /// The duration truncated to whole milliseconds.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
