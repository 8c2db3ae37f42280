import Foundation
import JobsAI

/// Records the events the API hands the worker; fails when told to.
public actor RecordingWorker: WorkerInvoking {
    /// Every event handed over, in order.
    public private(set) var events: [WorkerEvent] = []
    private let failure: String?

    public init(failing failure: String? = nil) { self.failure = failure }

    public func invoke(_ event: WorkerEvent) throws(WorkerInvokeError) {
        if let failure { throw WorkerInvokeError(failure) }
        events.append(event)
    }
}

/// Links that show what was signed: `https://signed.test/<key>?expires=<seconds>`.
public struct FakeLinker: DocumentLinking {
    public init() {}

    public func link(for document: StoredDocument, expiresIn seconds: Int) -> String {
        "https://signed.test/\(document.key)?expires=\(seconds)"
    }
}

/// A health check with fixed answers.
public struct FixedHealth: HealthChecking {
    /// What each dependency answers: nil when healthy.
    public var failures: [String: String?]

    public init(failures: [String: String?] = ["dynamodb": nil, "s3": nil]) { self.failures = failures }

    public func check() async -> [String: String?] { failures }
}

/// A job store whose every call fails, as an unreachable DynamoDB would.
public struct UnavailableStore: JobStore {
    public init() {}

    public func create(_ record: JobRecord) throws(JobStoreError) { throw .unavailable("down") }
    public func get(_ jobID: String) throws(JobStoreError) -> JobRecord? { throw .unavailable("down") }
    public func requestCancel(_ jobID: String, at now: Date) throws(JobStoreError) -> CancelOutcome {
        throw .unavailable("down")
    }
    public func markRunning(_ jobID: String, at now: Date) throws(JobStoreError) -> JobStatus? {
        throw .unavailable("down")
    }
    public func updateProgress(_ jobID: String, _ progress: JobProgress, at now: Date) throws(JobStoreError)
        -> JobStatus?
    {
        throw .unavailable("down")
    }
    public func finish(_ jobID: String, status: JobStatus, result: JobResult?, error: String?, at now: Date)
        throws(JobStoreError) -> JobStatus?
    { throw .unavailable("down") }
}

/// A limiter whose storage is down.
public struct BrokenLimiter: RateLimiting {
    public init() {}

    public func admit(_ clientIP: String, at now: Date) -> RateLimitOutcome { .failedOpen(reason: "down") }
}
