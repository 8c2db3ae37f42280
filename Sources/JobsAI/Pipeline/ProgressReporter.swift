import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Keeps a job's live progress and writes it to the job store: at each step start and on the runner's
/// heartbeat (at most once a second). The status each write returns is the cancellation check, so the
/// store is read no more often than it is written.
public actor ProgressReporter: PipelineProgress {
    private let store: any JobStore
    private let jobID: String
    private let clock: any WallClock
    private let deadline: Date
    private let interval: Double
    private var progress = JobProgress(phase: .profiling)
    private var lastWrite: Date?
    /// Why the job must stop, once known.
    public private(set) var interruption: JobInterruption?
    /// Progress writes made.
    public private(set) var writes = 0
    /// The last store failure (progress writes are best effort: a failed one does not stop the job).
    public private(set) var lastStoreError: JobStoreError?

    public init(store: any JobStore, jobID: String, clock: any WallClock, deadline: Date, interval: Double = 1) {
        self.store = store
        self.jobID = jobID
        self.clock = clock
        self.deadline = deadline
        self.interval = interval
    }

    /// The progress as last recorded.
    public var current: JobProgress { progress }

    public func begin(_ phase: JobPhase) async throws {
        if let interruption { throw interruption }
        progress.phase = phase
        progress.message = phase.message
        if let stop = await write() { throw stop }
    }

    public func update(_ change: @escaping @Sendable (inout JobCounts) -> Void) {
        change(&progress.counts)
    }

    public func note(_ note: ProgressNote) {
        switch note {
        case .understood(let summary): progress.profileSummary = summary
        case .searchStopped(let stop): progress.searchStop = stop
        }
    }

    /// Called about once a second: writes the live counts unless a write happened within the last
    /// interval, and returns why the job must stop, if it must.
    public func heartbeat() async -> JobInterruption? {
        if let interruption { return interruption }
        let now = clock.date
        if now >= deadline { return stop(.timedOut) }
        if let lastWrite, now.timeIntervalSince(lastWrite) < interval * 0.95 { return nil }
        return await write()
    }

    /// Writes the progress now (the final counts) and returns why the job must stop, if it must.
    public func flush() async -> JobInterruption? {
        if let interruption { return interruption }
        return await write()
    }

    private func write() async -> JobInterruption? {
        let now = clock.date
        if now >= deadline { return stop(.timedOut) }
        lastWrite = now
        writes += 1
        let status: JobStatus?
        do {
            status = try await store.updateProgress(jobID, progress, at: now)
        } catch {
            lastStoreError = error
            return nil
        }
        switch status {
        case .running?, .queued?: return nil
        // Cancelling, a job someone else ended, or a job that no longer exists: stop.
        default: return stop(.cancelled)
        }
    }

    private func stop(_ reason: JobInterruption) -> JobInterruption {
        if interruption == nil { interruption = reason }
        return interruption ?? reason
    }
}
