import JobsAI
import Synchronization

/// A sleeper that returns only when the test calls `tick()`; cancellation ends a wait at once.
/// Drives the runner's heartbeat one beat at a time.
public final class TickSleeper: Sleeper, Sendable {
    private struct State {
        var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
        var pending = 0
        var nextID = 0
    }
    private let state = Mutex(State())

    public init() {}

    public func sleep(seconds: Double) async throws {
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
