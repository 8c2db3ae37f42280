/// Where a job is in its life. `queued`, `running` and `cancelling` are live; the rest are final.
public enum JobStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Created by the API; the worker has not picked it up yet.
    case queued
    /// The worker is running the pipeline.
    case running
    /// The person asked to cancel; the worker stops at its next checkpoint.
    case cancelling
    /// Stopped on request.
    case cancelled
    /// Finished with letters.
    case complete
    /// Failed; the record's `error` says why.
    case error
    /// Past its deadline.
    case timedOut = "timed_out"

    /// Whether nothing will change the job any more.
    public var isFinal: Bool {
        switch self {
        case .queued, .running, .cancelling: return false
        case .cancelled, .complete, .error, .timedOut: return true
        }
    }
}

/// The six pipeline steps, in order; `step` is the 1-based number shown as "step k of 6".
public enum JobPhase: String, Sendable, Hashable, Codable, CaseIterable {
    case profiling, querying, searching, scoring, planning, writing

    /// 1...6.
    public var step: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    /// The number of steps.
    public static let stepCount = allCases.count

    /// What the page shows while the step runs.
    public var message: String {
        switch self {
        case .profiling: return "Building your profile..."
        case .querying: return "Choosing search queries..."
        case .searching: return "Searching the job boards..."
        case .scoring: return "Scoring the jobs..."
        case .planning: return "Planning your cover letters..."
        case .writing: return "Writing your cover letters..."
        }
    }
}
