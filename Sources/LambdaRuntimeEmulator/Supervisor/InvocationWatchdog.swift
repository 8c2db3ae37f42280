import Synchronization

/// Times out warm invocations of one environment with one sleeping task, instead of a timer task started and
/// cancelled per invocation (each of which woke a thread twice). Arming and disarming only write the deadline;
/// the sleeper wakes at the deadline it slept for, ends the invocation if it is still the one armed and past
/// its deadline, else sleeps again until the deadline now armed, and exits when nothing is armed.
final class InvocationWatchdog: Sendable {
    private struct Armed {
        let session: RuntimeSession
        let deadline: ContinuousClock.Instant
        let number: Int
    }

    private struct State {
        var armed: Armed?
        var numbersIssued = 0
        var sleeping = false
    }

    private let state = Mutex(State())

    /// Ends `session` with `.timedOut` at `deadline` unless disarmed first; returns the token for `disarm`.
    func arm(_ session: RuntimeSession, deadline: ContinuousClock.Instant) -> Int {
        let (number, startsSleeper) = state.withLock { state in
            state.numbersIssued += 1
            state.armed = Armed(session: session, deadline: deadline, number: state.numbersIssued)
            let starts = !state.sleeping
            state.sleeping = true
            return (state.numbersIssued, starts)
        }
        if startsSleeper { Task { await sleepUntilDeadlines() } }
        return number
    }

    /// Forgets the invocation armed as `number` (a later one stays armed).
    func disarm(_ number: Int) {
        state.withLock { state in
            if state.armed?.number == number { state.armed = nil }
        }
    }

    private func sleepUntilDeadlines() async {
        while true {
            let next: (armed: Armed, due: Bool)? = state.withLock { state in
                guard let armed = state.armed else {
                    state.sleeping = false
                    return nil
                }
                let due = armed.deadline <= .now
                if due { state.armed = nil }
                return (armed, due)
            }
            guard let next else { return }
            if next.due {
                next.armed.session.terminate(.timedOut)
            } else {
                // Never cancelled: the task ends once nothing is armed.
                try? await Task.sleep(until: next.armed.deadline, clock: .continuous)
            }
        }
    }
}
