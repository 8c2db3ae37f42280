import ClockTestSupport
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Logging

/// An API over in-memory stores with a test clock and sequential job ids.
struct APIHarness {
    let clock = ManualWallClock()
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
        let now = clock.date
        let record = JobRecord(
            jobID: id, status: status, createdAt: now, deadlineAt: now.addingTimeInterval(900),
            expiresAt: now.addingTimeInterval(86_400), result: result)
        try await store.create(record)
        return record
    }
}

extension APIResponse {
    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        // Empty for a body that is not a JSON object, which is what this accessor answers.
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}
