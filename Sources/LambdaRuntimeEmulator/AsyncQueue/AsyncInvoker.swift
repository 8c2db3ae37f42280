import Foundation
import Logging

/// Runs stored `Event` invocations as Lambda does: per function, up to its concurrency at once, oldest first;
/// failures wait for their retry delay without holding a slot; events that fail every attempt or expire go to
/// the `OnFailure` destination or the dead letters, successes to the `OnSuccess` destination.
public actor AsyncInvoker {
    /// Runs one invocation; nil when the function no longer exists.
    public typealias Invoke = @Sendable (String, InvocationRequest) async -> InvocationResult?

    private let store: AsyncEventStore
    private let invoke: Invoke
    private let retryDelays: [Duration]
    private let logger: Logger
    private let concurrency: @Sendable (String) -> Int
    private let configs: EventInvokeConfigs
    private let arn: @Sendable (String) -> String
    private let now: @Sendable () -> Date
    /// Attempts running per function.
    private var running: [String: Int] = [:]
    /// Per function, the pending wake-up for its earliest retry and when it fires.
    private var timers: [String: (at: Date, task: Task<Void, Never>)] = [:]
    private var sweeper: Task<Void, Never>?
    private var stopped = false
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    /// `retryDelays[n]` is the wait before retry n+1 (the last entry repeats); `concurrency` gives a function's
    /// share of environments for queued events; `now` is the clock event ages are measured on.
    public init(
        store: AsyncEventStore, retryDelays: [Duration] = [.seconds(1), .seconds(2)], logger: Logger,
        configs: EventInvokeConfigs = EventInvokeConfigs(),
        concurrency: @escaping @Sendable (String) -> Int = { _ in 1 },
        arn: @escaping @Sendable (String) -> String = { "arn:aws:lambda:us-east-1:123456789012:function:\($0)" },
        now: @escaping @Sendable () -> Date = { Date() }, invoke: @escaping Invoke
    ) {
        self.store = store
        self.retryDelays = retryDelays
        self.logger = logger
        self.configs = configs
        self.concurrency = concurrency
        self.arn = arn
        self.now = now
        self.invoke = invoke
    }

    /// Stores the event (durably, before returning) and starts it if its function has a free slot.
    public func enqueue(function: String, request: InvocationRequest) async throws {
        try await store.enqueue(function: function, request: request, at: now())
        await dispatch(function)
    }

    /// Recovers attempts interrupted by a crash, resumes every event left from an earlier run, and from
    /// then on looks for events added by other processes (`dead-letters --replay`) every `sweepInterval`.
    public func resumePending(sweepInterval: Duration? = nil) async throws {
        let recovered = try await store.recoverInterrupted()
        if recovered > 0 {
            logger.info("async events interrupted by the last stop run again", metadata: ["count": "\(recovered)"])
        }
        await dispatchAll()
        if let sweepInterval, sweeper == nil {
            sweeper = Task { [weak self] in
                while !Task.isCancelled {
                    do { try await Task.sleep(for: sweepInterval) } catch { return }
                    await self?.dispatchAll()
                }
            }
        }
    }

    /// Waits until no attempt runs and no retry is scheduled (tests and shutdown).
    public func waitUntilIdle() async {
        if isIdle { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// Stops dispatching; events not finished stay stored (an attempt cut short runs again after the next
    /// start), and outcomes of attempts still running are no longer recorded.
    public func stop() {
        stopped = true
        sweeper?.cancel()
        for timer in timers.values { timer.task.cancel() }
        timers = [:]
        resumeIdleWaiters()
    }

    private var isIdle: Bool { running.values.allSatisfy { $0 == 0 } && timers.isEmpty }

    private func dispatchAll() async {
        let functions: [String]
        do {
            functions = try await store.functionsWithPendingEvents()
        } catch {
            logger.error("async queue read failed", metadata: ["error": "\(error)"])
            return
        }
        for function in functions { await dispatch(function) }
    }

    /// Starts attempts for `function` while it has free slots and due events; schedules a wake-up for the
    /// earliest retry otherwise.
    private func dispatch(_ function: String) async {
        while !stopped, running[function, default: 0] < max(1, concurrency(function)) {
            // The slot is reserved before the await, so concurrent dispatches never exceed the limit.
            running[function, default: 0] += 1
            let event: StoredEvent?
            do {
                event = try await store.claimNext(function: function, now: now())
            } catch {
                logger.error("async queue read failed", metadata: ["function": .string(function), "error": "\(error)"])
                event = nil
            }
            guard let event else {
                running[function, default: 1] -= 1
                await scheduleWakeUp(function)
                break
            }
            Task { await self.attempt(event) }
        }
        if isIdle { resumeIdleWaiters() }
    }

    private func scheduleWakeUp(_ function: String) async {
        let due: Date?
        do {
            due = try await store.nextRetryTime(function: function)
        } catch {
            logger.error("async queue read failed", metadata: ["function": .string(function), "error": "\(error)"])
            return
        }
        guard !stopped, let due, due > now() else { return }
        if let existing = timers[function], existing.at <= due { return }
        timers[function]?.task.cancel()
        let delay = due.timeIntervalSince(now())
        timers[function] = (
            due,
            Task {
                do { try await Task.sleep(for: .milliseconds(Int64(delay * 1000) + 1)) } catch { return }
                await self.wakeUp(function, due: due)
            }
        )
    }

    private func wakeUp(_ function: String, due: Date) async {
        if timers[function]?.at == due { timers[function] = nil }
        await dispatch(function)
    }

    private func attempt(_ event: StoredEvent) async {
        await run(event)
        running[event.function, default: 1] -= 1
        await dispatch(event.function)
    }

    private func run(_ event: StoredEvent) async {
        let config = await configs.effective(for: event.function)
        let age = now().timeIntervalSince(event.enqueuedAt)
        // The attempt this claim counted does not happen when the event is given up before it runs.
        var notRun = event
        notRun.attempts -= 1
        if age > Double(config.eventAgeSeconds) {
            await giveUp(
                notRun, condition: .eventAgeExceeded, config: config, response: event.lastError,
                error: event.lastError ?? Self.expired(event, seconds: Int(age)))
            return
        }
        guard let result = await invoke(event.function, event.request) else {
            let missing = ErrorDocument.make(
                type: "ResourceNotFoundException", message: "Function not found: \(arn(event.function))")
            await giveUp(notRun, condition: .retriesExhausted, config: config, response: nil, error: missing)
            return
        }
        // A failure once the queue is stopping is taken to be the shutdown cutting the attempt short: it stays in
        // flight in the store and runs again after the next start. A success is recorded as usual.
        guard !stopped || !result.isFunctionError else { return }
        if !result.isFunctionError {
            let record = config.onSuccess.flatMap {
                forwarded(event, to: $0, condition: .success, invokeCount: event.attempts, result: result)
            }
            do {
                try await store.complete(id: event.id, forwarding: record, at: now())
                if let record { await dispatch(record.function) }
            } catch {
                logger.error(
                    "could not remove a finished async event; it stays claimed and runs again after a restart",
                    metadata: metadata(event, ["error": "\(error)"]))
            }
            return
        }
        logger.warning(
            "async invocation failed",
            metadata: metadata(event, ["attempt": "\(event.attempts)", "errorType": "\(result.errorType ?? "")"]))
        guard event.attempts <= config.retryAttempts else {
            await giveUp(
                event, condition: .retriesExhausted, config: config, response: result.payload, error: result.payload)
            return
        }
        let delay = retryDelays.isEmpty ? .zero : retryDelays[min(event.attempts - 1, retryDelays.count - 1)]
        let due = now().addingTimeInterval(delay.milliseconds / 1000)
        do {
            try await store.scheduleRetry(id: event.id, at: due, error: result.payload)
        } catch {
            logger.error(
                "could not schedule an async retry; the event stays claimed and runs again after a restart",
                metadata: metadata(event, ["error": "\(error)"]))
            return
        }
        await scheduleWakeUp(event.function)
    }

    /// Forwards the event's record to the `OnFailure` destination, or moves it to the dead letters.
    private func giveUp(
        _ event: StoredEvent, condition: DestinationRecord.Condition, config: EventInvokeConfig,
        response: [UInt8]?, error: [UInt8]
    ) async {
        if let destination = config.onFailure,
            let record = forwarded(
                event, to: destination, condition: condition, invokeCount: event.attempts, errorPayload: response)
        {
            do {
                try await store.complete(id: event.id, forwarding: record, at: now())
                await dispatch(record.function)
                logger.warning(
                    "async invocation sent to its failure destination",
                    metadata: metadata(
                        event, ["condition": .string(condition.rawValue), "destination": "\(destination)"]))
                return
            } catch {
                logger.error(
                    "could not forward a failed async event; moving it to the dead letters",
                    metadata: metadata(event, ["error": "\(error)"]))
            }
        }
        do {
            try await store.deadLetter(event, error: error, condition: condition.rawValue)
        } catch {
            logger.error(
                "could not record a dead letter; the event stays claimed and runs again after a restart",
                metadata: metadata(event, ["error": "\(error)"]))
            return
        }
        logger.error(
            "async invocation moved to dead letters",
            metadata: metadata(
                event,
                ["condition": .string(condition.rawValue), "error": .string(String(decoding: error, as: UTF8.self))]))
    }

    private func forwarded(
        _ event: StoredEvent, to destination: String, condition: DestinationRecord.Condition, invokeCount: Int,
        result: InvocationResult? = nil, errorPayload: [UInt8]? = nil
    ) -> ForwardedEvent? {
        guard let function = EventInvokeConfig.destinationFunction(destination) else {
            logger.error(
                "destination is not a local function; ignored",
                metadata: metadata(event, ["destination": .string(destination)]))
            return nil
        }
        let record = DestinationRecord(
            requestID: event.request.requestID, functionARN: arn(event.function), condition: condition,
            approximateInvokeCount: max(invokeCount, 0), requestPayload: event.request.payload,
            responsePayload: result?.payload ?? errorPayload, isFunctionError: result == nil, timestamp: now())
        return ForwardedEvent(
            function: function,
            request: InvocationRequest(requestID: LambdaRequestID.make(), payload: record.json))
    }

    private func metadata(_ event: StoredEvent, _ extra: Logger.Metadata = [:]) -> Logger.Metadata {
        extra.merging(
            [
                "eventId": "\(event.id)", "function": .string(event.function),
                "requestId": .string(event.request.requestID),
            ]
        ) { _, new in new }
    }

    private static func expired(_ event: StoredEvent, seconds: Int) -> [UInt8] {
        ErrorDocument.make(
            type: "EventAgeExceeded", message: "Event \(event.request.requestID) expired after \(seconds) seconds")
    }

    private func resumeIdleWaiters() {
        let waiters = idleWaiters
        idleWaiters = []
        for waiter in waiters { waiter.resume() }
    }
}
