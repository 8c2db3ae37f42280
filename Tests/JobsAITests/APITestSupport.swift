import Foundation
import JobsAI
import Logging

/// A clock the test moves by hand.
final class TestClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }

    func now() -> Date { lock.withLock { current } }
    func advance(_ seconds: Double) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// Records the events the API hands the worker; fails when told to.
actor RecordingWorker: WorkerInvoking {
    private(set) var events: [WorkerEvent] = []
    private let failure: String?

    init(failing failure: String? = nil) { self.failure = failure }

    func invoke(_ event: WorkerEvent) throws(WorkerInvokeError) {
        if let failure { throw WorkerInvokeError(failure) }
        events.append(event)
    }
}

/// Links that show what was signed: `https://signed.test/<key>?expires=<seconds>`.
struct FakeLinker: DocumentLinking {
    func link(for document: StoredDocument, expiresIn seconds: Int) -> String {
        "https://signed.test/\(document.key)?expires=\(seconds)"
    }
}

/// A health check with fixed answers.
struct FixedHealth: HealthChecking {
    var failures: [String: String?] = ["dynamodb": nil, "s3": nil]
    func check() async -> [String: String?] { failures }
}

/// A job store whose every call fails, as an unreachable DynamoDB would.
struct UnavailableStore: JobStore {
    func create(_ record: JobRecord) throws(JobStoreError) { throw .unavailable("down") }
    func get(_ jobID: String) throws(JobStoreError) -> JobRecord? { throw .unavailable("down") }
    func requestCancel(_ jobID: String, at now: Date) throws(JobStoreError) -> CancelOutcome {
        throw .unavailable("down")
    }
    func markRunning(_ jobID: String, at now: Date) throws(JobStoreError) -> JobStatus? { throw .unavailable("down") }
    func updateProgress(_ jobID: String, _ progress: JobProgress, at now: Date) throws(JobStoreError) -> JobStatus? {
        throw .unavailable("down")
    }
    func finish(_ jobID: String, status: JobStatus, result: JobResult?, error: String?, at now: Date)
        throws(JobStoreError) -> JobStatus?
    { throw .unavailable("down") }
}

/// A limiter whose storage is down.
struct BrokenLimiter: RateLimiting {
    func admit(_ clientIP: String, at now: Date) -> RateLimitOutcome { .failedOpen(reason: "down") }
}

/// Log lines kept in memory, to check what the API writes.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(message: String, metadata: Logger.Metadata)] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { lines.append((event.message.description, event.metadata ?? [:])) }
    }

    var all: [(message: String, metadata: Logger.Metadata)] { lock.withLock { lines } }
}

/// An API over in-memory stores with a test clock and sequential job ids.
struct APIHarness {
    let clock = TestClock()
    let store: any JobStore
    let worker: RecordingWorker
    let logs = LogCapture()
    let api: JobsAPI

    static let firstID = "00000000-0000-4000-8000-000000000001"

    init(
        configuration: APIConfiguration = APIConfiguration(allowedOrigins: ["https://jobs.example"]),
        store: InMemoryJobStore = InMemoryJobStore(), worker: RecordingWorker = RecordingWorker(),
        jobStore: (any JobStore)? = nil, limiter: (any RateLimiting)? = nil, health: FixedHealth = FixedHealth()
    ) {
        self.store = store
        self.worker = worker
        let counter = Counter()
        let logs = self.logs
        api = JobsAPI(
            configuration: configuration, store: jobStore ?? store,
            rateLimiter: limiter
                ?? InMemoryRateLimiter(
                    RateLimitWindow(
                        limit: configuration.rateLimitRequests, seconds: configuration.rateLimitWindowSeconds)),
            worker: worker, linker: FakeLinker(), health: health, clock: clock,
            logger: Logger(label: "test") { _ in logs },
            makeJobID: { String(format: "00000000-0000-4000-8000-%012d", counter.next()) })
    }

    func send(
        _ method: String, _ path: String, body: String? = nil, query: [String: String] = [:],
        headers: [String: String] = [:], ip: String = "203.0.113.7"
    ) async -> APIResponse {
        var headers = headers
        if body != nil && !headers.keys.contains(where: { $0.lowercased() == "content-type" }) {
            headers["Content-Type"] = "application/json"
        }
        return await api.handle(
            APIRequest(
                method: method, path: path, query: query, headers: headers, body: body.map { Array($0.utf8) },
                sourceIP: ip, requestID: "req-\(UUID().uuidString)"))
    }

    /// A job as the worker leaves it, stored directly.
    func storeJob(_ status: JobStatus, id: String = "00000000-0000-4000-8000-0000000000aa", result: JobResult? = nil)
        async throws -> JobRecord
    {
        let now = clock.now()
        let record = JobRecord(
            jobID: id, status: status, createdAt: now, deadlineAt: now.addingTimeInterval(900),
            expiresAt: now.addingTimeInterval(86_400), result: result)
        try await store.create(record)
        return record
    }
}

/// Hands out 1, 2, 3...
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
}

extension APIResponse {
    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] { jsonObject ?? [:] }
}
