import Foundation
import Synchronization

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
public final class ManualClock: DynamoClock {
    private let current: Mutex<Double>

    public init(_ start: Double) { current = Mutex(start) }

    public func now() -> Double { current.withLock { $0 } }

    public func set(_ value: Double) { current.withLock { $0 = value } }

    public func advance(by seconds: Double) { current.withLock { $0 += seconds } }
}
