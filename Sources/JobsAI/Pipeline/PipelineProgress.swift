/// Why a running job stops early. Never wrapped as a step failure: a cancelled job ends `cancelled`.
public enum JobInterruption: Error, Sendable, Equatable {
    /// The person asked to cancel (the store answered `cancelling`).
    case cancelled
    /// The job's deadline passed.
    case timedOut
}

/// What the pipeline learnt along the way that the page can show before the job ends.
public enum ProgressNote: Sendable, Equatable {
    /// What was understood of the answers, with the queries chosen (after step 2).
    case understood(ProfileSummary)
    /// The search stopped before its last query (step 3).
    case searchStopped(SearchStop)
}

/// Where the pipeline reports what it is doing; the runner's `ProgressReporter` writes it to the job store.
public protocol PipelineProgress: Sendable {
    /// A step begins. Throws `JobInterruption` when the job must stop.
    func begin(_ phase: JobPhase) async throws
    /// Counts changed after a unit of work (kept in memory, written at most once a second).
    func update(_ change: @escaping @Sendable (inout JobCounts) -> Void) async
    /// Something learnt that the progress should carry from now on (written with the next write).
    func note(_ note: ProgressNote) async
}
