import Foundation

/// Where LocalDynamo reads the time (TTL, CreationDateTime); injected so tests never sleep.
public protocol DynamoClock: Sendable {
    /// Seconds since the Unix epoch.
    func now() -> Double
}

/// The wall clock.
public struct SystemClock: DynamoClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
}

/// A clock tests move by hand.
public final class ManualClock: DynamoClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double

    public init(_ start: Double) { current = start }

    public func now() -> Double { lock.withLock { current } }

    public func set(_ value: Double) { lock.withLock { current = value } }

    public func advance(by seconds: Double) { lock.withLock { current += seconds } }
}

/// A value behind a lock: the one place the engine's mutable state lives.
final class Locked<State>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    init(_ state: State) { self.state = state }

    func withLock<T, E: Error>(_ body: (inout State) throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
