import BuildingBlocks
import ClockTestSupport
import Synchronization

/// A wall clock that tells the time of a manual clock but whose sleeps return only when the test calls `tick()`
/// (the time does not move; cancellation ends a wait at once). Drives the runner's heartbeat one beat at a time.
public final class TickClock: WallClock {
    private struct State {
        var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
        var pending = 0
        var nextID = 0
    }
    private let state = Mutex(State())

    /// The clock that tells the time; the test moves it by hand.
    public let time: ManualWallClock

    public init(time: ManualWallClock) { self.time = time }

    public var now: UnixInstant { time.now }

    public var minimumResolution: Duration { time.minimumResolution }

    public func sleep(until deadline: UnixInstant, tolerance: Duration? = nil) async throws {
        let id = state.withLock {
            $0.nextID += 1
            return $0.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Action { case cancel, resume, wait }
                let action = state.withLock { state -> Action in
                    if Task.isCancelled { return .cancel }
                    if state.pending > 0 {
                        state.pending -= 1
                        return .resume
                    }
                    state.waiters.append((id, continuation))
                    return .wait
                }
                switch action {
                case .cancel: continuation.resume(throwing: CancellationError())
                case .resume: continuation.resume()
                case .wait: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Lets one sleep return (now, or the next one to start).
    public func tick() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard !state.waiters.isEmpty else {
                state.pending += 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        waiter?.resume()
    }
}
