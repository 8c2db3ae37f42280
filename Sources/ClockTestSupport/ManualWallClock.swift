import BuildingBlocks
import Synchronization

/// A wall clock that moves only by hand or when something sleeps on it (the sleep returns at once, the clock
/// jumps to its deadline), recording every sleep; tests of time-dependent rules never wait.
public final class ManualWallClock: WallClock {
    private struct State {
        var current: UnixInstant
        var sleeps: [Duration] = []
    }
    private let state: Mutex<State>

    public init(secondsSinceEpoch start: Double = 1_800_000_000) {
        state = Mutex(State(current: UnixInstant(secondsSinceEpoch: start)))
    }

    public var now: UnixInstant { state.withLock { $0.current } }

    public var minimumResolution: Duration { .nanoseconds(1) }

    /// Every sleep asked for, in order, as the duration it covered.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// Moves the clock forward.
    public func advance(by duration: Duration) { state.withLock { $0.current = $0.current.advanced(by: duration) } }

    /// Moves the clock forward by `seconds`.
    public func advance(seconds: Double) { advance(by: .seconds(seconds)) }

    /// Sets the clock to `seconds` since the Unix epoch.
    public func set(secondsSinceEpoch seconds: Double) {
        state.withLock { $0.current = UnixInstant(secondsSinceEpoch: seconds) }
    }

    public func sleep(until deadline: UnixInstant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.sleeps.append($0.current.duration(to: deadline))
            $0.current = max($0.current, deadline)
        }
    }
}
