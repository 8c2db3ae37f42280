import Foundation
import LambdaRuntime
import Synchronization

/// The Runtime API state of one execution environment: which invocation is handed out, and who waits.
///
/// Started → (first `/next`) Ready → (event delivered) Invoking → (`/response` or `/error`) Ready.
/// The supervisor `deliver`s invocations and awaits their outcome; the runtime's HTTP requests
/// drive the other side. `terminate` resolves everything still waiting when the process goes away.
///
/// A lock, not an actor: the Runtime API server calls the runtime side from its event loop and gets its answer
/// there, so a held `/next` is answered by whoever delivers, without a task in between. Waiters are resumed
/// after the lock is released.
public final class RuntimeSession: Sendable {
    /// What a `/next` request gets.
    public enum NextResult: Sendable {
        case invocation(RuntimeInvocation)
        case refused(RuntimeAPIError)
    }

    /// Takes the answer to a `/next`, exactly once, on whichever thread hands the invocation out.
    public typealias NextReply = @Sendable (NextResult) -> Void

    private enum Phase: String {
        case started = "Started"
        case ready = "Ready"
        case invoking = "Invoking"
        case terminated = "Terminated"
    }

    private typealias Waiter = CheckedContinuation<RuntimeOutcome, Never>

    private struct State {
        var phase = Phase.started
        var heldNext: NextReply?
        var pending: (invocation: RuntimeInvocation, waiter: Waiter)?
        var current: (invocation: RuntimeInvocation, waiter: Waiter)?
        /// Where the current (or pending) invocation's streamed response goes, when its caller streams.
        var stream: ResponseStream?
        var finalOutcome: RuntimeOutcome?
        var handOutWaiters: [CheckedContinuation<Void, Never>] = []
        /// Callers of `waitUntilReady`, resumed by the first `/next` (true) or the session's end (false).
        var readyWaiters: [CheckedContinuation<Bool, Never>] = []
        /// When the runtime first asked for work: the end of its init phase.
        var initializedAt: ContinuousClock.Instant?
        /// The invocation id of the last invocation a `/next` received.
        var lastHandedOut: String?
    }

    /// What to do once the lock is released: resume waiters, answer a `/next`.
    private struct Effects {
        var actions: [@Sendable () -> Void] = []

        func run() {
            for action in actions { action() }
        }
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> ContinuousClock.Instant
    /// The function timeout; when set, each invocation's deadline is stamped as it is handed out.
    private let timeout: Duration?

    public init(
        timeout: Duration? = nil, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.timeout = timeout
        self.now = now
    }

    // MARK: Runtime side

    /// `GET /runtime/invocation/next`: `reply` gets an invocation now, or once one is delivered.
    public func next(reply: @escaping NextReply) {
        let effects = state.withLock { state -> Effects in
            var effects = Effects()
            switch state.phase {
            case .terminated:
                effects.actions.append { reply(.refused(.shutDown)) }
                return effects
            case .invoking:
                effects.actions.append { reply(.refused(.invalidStateTransition(from: "Invoking", to: "Ready"))) }
                return effects
            case .started:
                state.initializedAt = now()
                state.phase = .ready
                effects.actions += Self.resume(&state.readyWaiters, with: true)
            case .ready: break
            }
            if state.heldNext != nil {
                effects.actions.append { reply(.refused(.invalidStateTransition(from: "Ready", to: "Ready"))) }
            } else if let pending = state.pending {
                state.pending = nil
                let invocation = handOut(pending.invocation, &state, &effects)
                state.current = (invocation, pending.waiter)
                state.phase = .invoking
                effects.actions.append { reply(.invocation(invocation)) }
            } else {
                state.heldNext = reply
            }
            return effects
        }
        effects.run()
    }

    /// `next(reply:)` for a caller that awaits the answer.
    public func next() async -> NextResult {
        await withCheckedContinuation { continuation in
            next { continuation.resume(returning: $0) }
        }
    }

    /// `POST /runtime/invocation/{id}/response` or `/error`: resolves the current invocation.
    public func answer(
        requestID: String, invocationID: String?, outcome: RuntimeOutcome
    ) -> Result<Void, RuntimeAPIError> {
        let (result, waiter) = state.withLock { state -> (Result<Void, RuntimeAPIError>, Waiter?) in
            guard let current = state.current, current.invocation.requestID == requestID else {
                return (.failure(state.phase == .terminated ? .shutDown : .invalidRequestID), nil)
            }
            if let invocationID, invocationID != current.invocation.invocationID {
                return (.failure(.invalidRequestID), nil)
            }
            state.current = nil
            state.stream = nil
            state.phase = .ready
            return (.success(()), current.waiter)
        }
        waiter?.resume(returning: outcome)
        return result
    }

    /// `POST /runtime/init/error`: only before the first `/next`; fails the waiting invocation.
    public func initError(body: [UInt8]) -> Result<Void, RuntimeAPIError> {
        let (result, effects) = state.withLock { state -> (Result<Void, RuntimeAPIError>, Effects) in
            guard state.phase == .started else {
                return (.failure(.invalidStateTransition(from: state.phase.rawValue, to: "InitError")), Effects())
            }
            return (.success(()), Self.finish(&state, with: .initError(body: body)))
        }
        effects.run()
        return result
    }

    // MARK: Supervisor side

    /// Hands an invocation to the runtime and waits for its outcome (answer, init error, exit or timeout);
    /// a streamed `/response` goes to `stream` as it arrives, when given.
    public func deliver(_ invocation: RuntimeInvocation, stream: ResponseStream? = nil) async -> RuntimeOutcome {
        await withCheckedContinuation { (waiter: Waiter) in
            let effects = state.withLock { state -> Effects in
                var effects = Effects()
                if let finalOutcome = state.finalOutcome {
                    effects.actions.append { waiter.resume(returning: finalOutcome) }
                    return effects
                }
                state.stream = stream
                if let heldNext = state.heldNext {
                    state.heldNext = nil
                    let handedOut = handOut(invocation, &state, &effects)
                    state.current = (handedOut, waiter)
                    state.phase = .invoking
                    effects.actions.append { heldNext(.invocation(handedOut)) }
                } else if state.current == nil && state.pending == nil {
                    state.pending = (invocation, waiter)
                } else {
                    // The supervisor gives an environment one invocation at a time; a second is its bug.
                    effects.actions.append { waiter.resume(returning: .runtimeExited(.exited(-1))) }
                }
                return effects
            }
            effects.run()
        }
    }

    /// Ends the session: whatever waits gets `outcome`, and later calls are refused.
    public func terminate(_ outcome: RuntimeOutcome) {
        state.withLock { Self.finish(&$0, with: outcome) }.run()
    }

    /// Waits until the current delivery reaches the runtime (its function timeout starts then, as in
    /// Lambda, where init has its own limit); returns at once if the session already ended.
    public func waitForHandOut() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let waits = state.withLock { state in
                guard state.current == nil && state.phase != .terminated else { return false }
                state.handOutWaiters.append(waiter)
                return true
            }
            if !waits { waiter.resume() }
        }
    }

    /// Waits until the runtime first asks for work (its init is over): true then, false if the session
    /// ended first (an init error, an exit, the init limit).
    public func waitUntilReady() async -> Bool {
        await withCheckedContinuation { (waiter: CheckedContinuation<Bool, Never>) in
            let answer: Bool? = state.withLock { state in
                switch state.phase {
                case .started:
                    state.readyWaiters.append(waiter)
                    return nil
                case .ready, .invoking: return true
                case .terminated: return false
                }
            }
            if let answer { waiter.resume(returning: answer) }
        }
    }

    /// The stream a streamed `/response` for `requestID` should feed, if its caller streams.
    public func responseStream(requestID: String) -> ResponseStream? {
        state.withLock { state in
            guard let current = state.current, current.invocation.requestID == requestID else { return nil }
            return state.stream
        }
    }

    /// Whether a `/next` received the invocation; one that never did can go to another environment.
    public func wasHandedOut(invocationID: String) -> Bool {
        state.withLock { $0.lastHandedOut == invocationID }
    }

    /// When the runtime first asked for work: the end of its init phase.
    public var initializedAt: ContinuousClock.Instant? { state.withLock { $0.initializedAt } }

    /// Whether the runtime is waiting on `/next` (ready for an invocation).
    public var isWaitingForWork: Bool { state.withLock { $0.heldNext != nil } }

    /// Stamps the deadline (hand-out time + `timeout`) and releases `waitForHandOut` callers.
    private func handOut(_ invocation: RuntimeInvocation, _ state: inout State, _ effects: inout Effects)
        -> RuntimeInvocation
    {
        state.lastHandedOut = invocation.invocationID
        var stamped = invocation
        if let timeout {
            stamped.deadlineMilliseconds = LambdaClock().now.advanced(by: timeout).millisecondsSinceEpoch
        }
        effects.actions += Self.resume(&state.handOutWaiters)
        return stamped
    }

    private static func finish(_ state: inout State, with outcome: RuntimeOutcome) -> Effects {
        var effects = Effects()
        guard state.phase != .terminated else { return effects }
        state.phase = .terminated
        state.finalOutcome = outcome
        effects.actions += resume(&state.handOutWaiters)
        effects.actions += resume(&state.readyWaiters, with: false)
        if let current = state.current {
            state.current = nil
            effects.actions.append { current.waiter.resume(returning: outcome) }
        }
        if let pending = state.pending {
            state.pending = nil
            effects.actions.append { pending.waiter.resume(returning: outcome) }
        }
        if let heldNext = state.heldNext {
            state.heldNext = nil
            effects.actions.append { heldNext(.refused(.shutDown)) }
        }
        return effects
    }

    private static func resume(_ waiters: inout [CheckedContinuation<Void, Never>]) -> [@Sendable () -> Void] {
        let taken = waiters
        waiters = []
        return taken.map { waiter in { waiter.resume() } }
    }

    private static func resume(_ waiters: inout [CheckedContinuation<Bool, Never>], with value: Bool)
        -> [@Sendable () -> Void]
    {
        let taken = waiters
        waiters = []
        return taken.map { waiter in { waiter.resume(returning: value) } }
    }
}
