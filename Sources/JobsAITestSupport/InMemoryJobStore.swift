import Foundation
import JobsAI

/// A `JobStore` in memory with the same transition rules as the DynamoDB one; for tests and one-process use.
public actor InMemoryJobStore: JobStore {
    private var records: [String: JobRecord] = [:]

    public init(_ records: [JobRecord] = []) {
        for record in records { self.records[record.jobID] = record }
    }

    public func create(_ record: JobRecord) throws(JobStoreError) {
        guard records[record.jobID] == nil else { throw .alreadyExists(record.jobID) }
        records[record.jobID] = record
    }

    public func get(_ jobID: String) -> JobRecord? { records[jobID] }

    public func requestCancel(_ jobID: String, at now: Date) -> CancelOutcome {
        guard var record = records[jobID] else { return .notFound }
        guard !record.status.isFinal else { return .alreadyFinal(record) }
        record.status = .cancelling
        record.updatedAt = now
        records[jobID] = record
        return .requested(record)
    }

    public func markRunning(_ jobID: String, at now: Date) -> JobStatus? {
        guard var record = records[jobID] else { return nil }
        if record.status == .queued {
            record.status = .running
            record.updatedAt = now
            records[jobID] = record
        }
        return record.status
    }

    public func updateProgress(_ jobID: String, _ progress: JobProgress, at now: Date) -> JobStatus? {
        guard var record = records[jobID] else { return nil }
        if record.status == .running {
            record.progress = progress
            record.updatedAt = now
            records[jobID] = record
        }
        return record.status
    }

    public func finish(
        _ jobID: String, status: JobStatus, result: JobResult?, error: String?, at now: Date
    ) -> JobStatus? {
        guard var record = records[jobID] else { return nil }
        guard !record.status.isFinal else { return record.status }
        record.status = status
        record.result = result
        record.error = error
        record.updatedAt = now
        records[jobID] = record
        return status
    }
}
