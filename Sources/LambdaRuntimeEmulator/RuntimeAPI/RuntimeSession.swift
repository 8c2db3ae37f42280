import Foundation
import LambdaRuntime

/// The Runtime API state of one execution environment: which invocation is handed out, and who waits.
///
/// Started → (first `/next`) Ready → (event delivered) Invoking → (`/response` or `/error`) Ready.
/// The supervisor `deliver`s invocations and awaits their outcome; the runtime's HTTP requests
/// drive the other side. `terminate` resolves everything still waiting when the process goes away.
public actor RuntimeSession {
    /// What a `/next` request gets.
    public enum NextResult: Sendable {
        case invocation(RuntimeInvocation)
        case refused(RuntimeAPIError)
    }

    private enum Phase: String {
        case started = "Started"
        case ready = "Ready"
        case invoking = "Invoking"
        case terminated = "Terminated"
    }

    private typealias Waiter = CheckedContinuation<RuntimeOutcome, Never>

    private var phase = Phase.started
    private var heldNext: CheckedContinuation<NextResult, Never>?
    private var pending: (invocation: RuntimeInvocation, waiter: Waiter)?
    private var current: (invocation: RuntimeInvocation, waiter: Waiter)?
    /// Where the current (or pending) invocation's streamed response goes, when its caller streams.
    private var stream: ResponseStream?
    private var finalOutcome: RuntimeOutcome?
    private let now: @Sendable () -> ContinuousClock.Instant
    private var handOutWaiters: [CheckedContinuation<Void, Never>] = []
    /// Callers of `waitUntilReady`, resumed by the first `/next` (true) or the session's end (false).
    private var readyWaiters: [CheckedContinuation<Bool, Never>] = []
    /// The function timeout; when set, each invocation's deadline is stamped as it is handed out.
    private let timeout: Duration?
    /// When the runtime first asked for work: the end of its init phase.
    public private(set) var initializedAt: ContinuousClock.Instant?
    /// The invocation id of the last invocation a `/next` received.
    private var lastHandedOut: String?

    public init(
        timeout: Duration? = nil, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.timeout = timeout
        self.now = now
    }

    // MARK: Runtime side

    /// `GET /runtime/invocation/next`: an invocation now, or once one is delivered.
    public func next() async -> NextResult {
        switch phase {
        case .terminated: return .refused(.shutDown)
        case .invoking: return .refused(.invalidStateTransition(from: "Invoking", to: "Ready"))
        case .started:
            initializedAt = now()
            phase = .ready
            resumeReadyWaiters(true)
        case .ready: break
        }
        if heldNext != nil {
            return .refused(.invalidStateTransition(from: "Ready", to: "Ready"))
        }
        if let pending {
            self.pending = nil
            let invocation = handOut(pending.invocation)
            current = (invocation, pending.waiter)
            phase = .invoking
            return .invocation(invocation)
        }
        return await withCheckedContinuation { heldNext = $0 }
    }

    /// `POST /runtime/invocation/{id}/response` or `/error`: resolves the current invocation.
    public func answer(
        requestID: String, invocationID: String?, outcome: RuntimeOutcome
    ) -> Result<Void, RuntimeAPIError> {
        guard let current, current.invocation.requestID == requestID else {
            if phase == .terminated { return .failure(.shutDown) }
            return .failure(.invalidRequestID)
        }
        if let invocationID, invocationID != current.invocation.invocationID {
            return .failure(.invalidRequestID)
        }
        self.current = nil
        stream = nil
        phase = .ready
        current.waiter.resume(returning: outcome)
        return .success(())
    }

    /// `POST /runtime/init/error`: only before the first `/next`; fails the waiting invocation.
    public func initError(body: [UInt8]) -> Result<Void, RuntimeAPIError> {
        guard phase == .started else {
            return .failure(.invalidStateTransition(from: phase.rawValue, to: "InitError"))
        }
        finish(with: .initError(body: body))
        return .success(())
    }

    // MARK: Supervisor side

    /// Hands an invocation to the runtime and waits for its outcome (answer, init error, exit or timeout);
    /// a streamed `/response` goes to `stream` as it arrives, when given.
    public func deliver(_ invocation: RuntimeInvocation, stream: ResponseStream? = nil) async -> RuntimeOutcome {
        if let finalOutcome { return finalOutcome }
        self.stream = stream
        return await withCheckedContinuation { waiter in
            if let heldNext {
                self.heldNext = nil
                let handedOut = handOut(invocation)
                current = (handedOut, waiter)
                phase = .invoking
                heldNext.resume(returning: .invocation(handedOut))
            } else if current == nil && pending == nil {
                pending = (invocation, waiter)
            } else {
                // The supervisor gives an environment one invocation at a time; a second is its bug.
                waiter.resume(returning: .runtimeExited(.exited(-1)))
            }
        }
    }

    /// Ends the session: whatever waits gets `outcome`, and later calls are refused.
    public func terminate(_ outcome: RuntimeOutcome) {
        finish(with: outcome)
    }

    /// Waits until the current delivery reaches the runtime (its function timeout starts then, as in
    /// Lambda, where init has its own limit); returns at once if the session already ended.
    public func waitForHandOut() async {
        if current != nil || phase == .terminated { return }
        await withCheckedContinuation { handOutWaiters.append($0) }
    }

    /// Waits until the runtime first asks for work (its init is over): true then, false if the session
    /// ended first (an init error, an exit, the init limit).
    public func waitUntilReady() async -> Bool {
        switch phase {
        case .started: return await withCheckedContinuation { readyWaiters.append($0) }
        case .ready, .invoking: return true
        case .terminated: return false
        }
    }

    private func resumeReadyWaiters(_ ready: Bool) {
        let waiters = readyWaiters
        readyWaiters = []
        for waiter in waiters { waiter.resume(returning: ready) }
    }

    /// The stream a streamed `/response` for `requestID` should feed, if its caller streams.
    public func responseStream(requestID: String) -> ResponseStream? {
        guard let current, current.invocation.requestID == requestID else { return nil }
        return stream
    }

    /// Whether a `/next` received the invocation; one that never did can go to another environment.
    public func wasHandedOut(invocationID: String) -> Bool {
        lastHandedOut == invocationID
    }

    /// Stamps the deadline (hand-out time + `timeout`) and releases `waitForHandOut` callers.
    private func handOut(_ invocation: RuntimeInvocation) -> RuntimeInvocation {
        lastHandedOut = invocation.invocationID
        var stamped = invocation
        if let timeout {
            stamped.deadlineMilliseconds = LambdaClock().now.advanced(by: timeout).millisecondsSinceEpoch
        }
        let waiters = handOutWaiters
        handOutWaiters = []
        for waiter in waiters { waiter.resume() }
        return stamped
    }

    /// Whether the runtime is waiting on `/next` (ready for an invocation).
    public var isWaitingForWork: Bool { heldNext != nil }

    private func finish(with outcome: RuntimeOutcome) {
        guard phase != .terminated else { return }
        phase = .terminated
        finalOutcome = outcome
        let waiters = handOutWaiters
        handOutWaiters = []
        for waiter in waiters { waiter.resume() }
        resumeReadyWaiters(false)
        if let current {
            self.current = nil
            current.waiter.resume(returning: outcome)
        }
        if let pending {
            self.pending = nil
            pending.waiter.resume(returning: outcome)
        }
        if let heldNext {
            self.heldNext = nil
            heldNext.resume(returning: .refused(.shutDown))
        }
    }
}
