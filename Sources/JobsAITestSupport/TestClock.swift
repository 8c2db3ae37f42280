import Foundation
import JobsAI
import Synchronization

/// A clock the test moves by hand.
public final class TestClock: Clock, Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(_ seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A clock that only moves when something sleeps on it, recording every sleep.
public final class FakeTime: Clock, Sleeper, Sendable {
    private struct State {
        var current: Date
        var sleeps: [Double] = []
    }
    private let state: Mutex<State>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_739_750_400)) {  // 2025-02-17
        state = Mutex(State(current: start))
    }

    /// Every sleep asked for, in order.
    public var sleeps: [Double] { state.withLock { $0.sleeps } }

    public func now() -> Date { state.withLock { $0.current } }

    /// Moves the clock forward by `seconds`.
    public func advance(_ seconds: Double) { state.withLock { $0.current = $0.current.addingTimeInterval(seconds) } }

    public func sleep(seconds: Double) async throws {
        state.withLock {
            $0.sleeps.append(seconds)
            $0.current = $0.current.addingTimeInterval(seconds)
        }
    }
}

/// Hands out 1, 2, 3...
public final class Counter: Sendable {
    private let value = Mutex(0)

    public init() {}

    /// The next number.
    public func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
