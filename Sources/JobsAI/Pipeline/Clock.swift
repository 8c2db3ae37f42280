#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Tells the time; injected so that every time-dependent rule can be tested without waiting.
public protocol Clock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// Waits; injected so that politeness delays and backoff cost tests nothing.
public protocol Sleeper: Sendable {
    /// Suspends for the given number of seconds (throws if the task is cancelled).
    func sleep(seconds: Double) async throws
}

/// The machine's clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// Sleeps with `Task.sleep`.
public struct TaskSleeper: Sleeper {
    public init() {}
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
