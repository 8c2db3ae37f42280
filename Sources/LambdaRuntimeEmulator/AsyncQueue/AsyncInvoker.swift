import Logging

/// Runs stored `Event` invocations per function in order, retrying failures, then dead-lettering them.
public actor AsyncInvoker {
    /// Runs one invocation; nil when the function no longer exists.
    public typealias Invoke = @Sendable (String, InvocationRequest) async -> InvocationResult?

    private let store: AsyncEventStore
    private let invoke: Invoke
    private let retryDelays: [Duration]
    private let logger: Logger
    private var workers: [String: Task<Void, Never>] = [:]
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    /// `retryDelays` has one entry per retry (Lambda retries twice: default 1 s and 2 s locally).
    public init(
        store: AsyncEventStore, retryDelays: [Duration] = [.seconds(1), .seconds(2)], logger: Logger,
        invoke: @escaping Invoke
    ) {
        self.store = store
        self.retryDelays = retryDelays
        self.logger = logger
        self.invoke = invoke
    }

    /// Stores the event (durably, before returning) and makes sure its function's worker runs.
    public func enqueue(function: String, request: InvocationRequest) async throws {
        try await store.enqueue(function: function, request: request)
        startWorker(for: function)
    }

    /// Resumes every event left from an earlier run.
    public func resumePending() async throws {
        for function in try await store.functionsWithPendingEvents() { startWorker(for: function) }
    }

    /// Waits until no worker runs (tests and shutdown).
    public func waitUntilIdle() async {
        if workers.isEmpty { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// Stops the workers; unfinished events stay stored and run after the next start.
    public func stop() {
        for worker in workers.values { worker.cancel() }
    }

    private func startWorker(for function: String) {
        guard workers[function] == nil else { return }
        workers[function] = Task { await self.drain(function: function) }
    }

    private func drain(function: String) async {
        while !Task.isCancelled {
            let event: StoredEvent?
            do {
                event = try await store.oldest(function: function)
            } catch {
                logger.error("async queue read failed", metadata: ["error": "\(error)"])
                break
            }
            guard let event else { break }
            await run(event)
        }
        workers[function] = nil
        if workers.isEmpty {
            let waiters = idleWaiters
            idleWaiters = []
            for waiter in waiters { waiter.resume() }
        }
    }

    private func run(_ event: StoredEvent) async {
        var attempts = event.attempts
        var lastError: [UInt8] = []
        while attempts <= retryDelays.count {
            if attempts > 0 {
                do {
                    try await Task.sleep(for: retryDelays[attempts - 1])
                } catch {
                    return
                }
            }
            guard let result = await invoke(event.function, event.request) else {
                lastError = ErrorDocument.make(
                    type: "ResourceNotFoundException", message: "Function not found: \(event.function)")
                attempts = retryDelays.count + 1
                break
            }
            if !result.isFunctionError {
                try? await store.complete(id: event.id)
                return
            }
            lastError = result.payload
            attempts += 1
            try? await store.recordAttempt(id: event.id)
            logger.warning(
                "async invocation failed",
                metadata: [
                    "function": .string(event.function), "requestId": .string(event.request.requestID),
                    "attempt": "\(attempts)",
                ])
        }
        do {
            try await store.deadLetter(event, error: lastError, attempts: attempts)
        } catch {
            logger.error("could not record dead letter", metadata: ["error": "\(error)"])
            return
        }
        logger.error(
            "async invocation moved to dead letters",
            metadata: [
                "function": .string(event.function), "requestId": .string(event.request.requestID),
                "error": .string(String(decoding: lastError, as: UTF8.self)),
            ])
    }
}
