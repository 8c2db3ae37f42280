#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a job store call failed: storage trouble, never a business outcome.
public enum JobStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A job with this id already exists.
    case alreadyExists(String)
    /// The backing store could not be reached or answered an error.
    case unavailable(String)

    public var description: String {
        switch self {
        case .alreadyExists(let id): return "job \(id) already exists"
        case .unavailable(let reason): return "job storage unavailable: \(reason)"
        }
    }
}

/// What a cancel request did.
public enum CancelOutcome: Sendable, Equatable {
    /// The job was `queued` or `running` and is now `cancelling` (or already was).
    case requested(JobRecord)
    /// The job had already ended; it is left as it was.
    case alreadyFinal(JobRecord)
    /// No such job.
    case notFound
}

/// The jobs table. Every transition is one conditional write, so the API and the worker never race.
public protocol JobStore: Sendable {
    /// Stores a new job.
    func create(_ record: JobRecord) async throws(JobStoreError)
    /// The job, or nil when unknown (or expired).
    func get(_ jobID: String) async throws(JobStoreError) -> JobRecord?
    /// `queued`/`running` become `cancelling`; `cancelling` stays; a final job is untouched.
    func requestCancel(_ jobID: String, at now: Date) async throws(JobStoreError) -> CancelOutcome
    /// `queued` becomes `running`. Returns the status after the call (nil when unknown): anything but
    /// `running` tells the worker not to start.
    func markRunning(_ jobID: String, at now: Date) async throws(JobStoreError) -> JobStatus?
    /// Writes progress if the job is `running`. Returns the status after the call (nil when unknown):
    /// `cancelling` tells the worker to stop.
    func updateProgress(_ jobID: String, _ progress: JobProgress, at now: Date) async throws(JobStoreError)
        -> JobStatus?
    /// Ends a live job with `status` (final), its result or error. A job already final is left alone.
    /// Returns the status after the call (nil when unknown).
    func finish(
        _ jobID: String, status: JobStatus, result: JobResult?, error: String?, at now: Date
    ) async throws(JobStoreError) -> JobStatus?
}
