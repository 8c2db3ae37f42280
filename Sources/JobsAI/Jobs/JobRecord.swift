#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Live counts the worker reports while it runs.
public struct JobCounts: Sendable, Hashable, Codable {
    public var queriesDone: Int
    public var queriesTotal: Int
    public var listingsFound: Int
    public var listingsScored: Int
    public var lettersWritten: Int
    public var lettersTotal: Int

    public init(
        queriesDone: Int = 0, queriesTotal: Int = 0, listingsFound: Int = 0, listingsScored: Int = 0,
        lettersWritten: Int = 0, lettersTotal: Int = 0
    ) {
        self.queriesDone = queriesDone
        self.queriesTotal = queriesTotal
        self.listingsFound = listingsFound
        self.listingsScored = listingsScored
        self.lettersWritten = lettersWritten
        self.lettersTotal = lettersTotal
    }

    enum CodingKeys: String, CodingKey {
        case queriesDone = "queries_done", queriesTotal = "queries_total", listingsFound = "listings_found"
        case listingsScored = "listings_scored", lettersWritten = "letters_written", lettersTotal = "letters_total"
    }
}

/// The step a job is on, with its message and counts, and what the pipeline has learnt so far.
public struct JobProgress: Sendable, Hashable, Codable {
    public var phase: JobPhase
    public var message: String
    public var counts: JobCounts
    /// What was understood of the answers, once step 2 has chosen the queries.
    public var profileSummary: ProfileSummary?
    /// Why the search stopped before its last query, when it did.
    public var searchStop: SearchStop?

    /// 1...6.
    public var step: Int { phase.step }

    public init(
        phase: JobPhase, message: String? = nil, counts: JobCounts = JobCounts(),
        profileSummary: ProfileSummary? = nil, searchStop: SearchStop? = nil
    ) {
        self.phase = phase
        self.message = message ?? phase.message
        self.counts = counts
        self.profileSummary = profileSummary
        self.searchStop = searchStop
    }
}

/// One job: what the API created and the worker updates. Stored as one DynamoDB item keyed by `jobID`.
public struct JobRecord: Sendable, Hashable {
    public var jobID: String
    public var status: JobStatus
    public var createdAt: Date
    /// After this instant a live job reads `timed_out`.
    public var deadlineAt: Date
    /// When the item expires (DynamoDB TTL).
    public var expiresAt: Date
    public var updatedAt: Date
    public var progress: JobProgress?
    public var result: JobResult?
    /// A message a person can act on, when `status` is `error` (or why it timed out).
    public var error: String?

    public init(
        jobID: String, status: JobStatus = .queued, createdAt: Date, deadlineAt: Date, expiresAt: Date,
        updatedAt: Date? = nil, progress: JobProgress? = nil, result: JobResult? = nil, error: String? = nil
    ) {
        self.jobID = jobID
        self.status = status
        self.createdAt = createdAt
        self.deadlineAt = deadlineAt
        self.expiresAt = expiresAt
        self.updatedAt = updatedAt ?? createdAt
        self.progress = progress
        self.result = result
        self.error = error
    }

    /// The status to report at `now`: a live job past its deadline is `timed_out`, whatever was written.
    public func effectiveStatus(at now: Date) -> JobStatus {
        if !status.isFinal && now > deadlineAt { return .timedOut }
        return status
    }
}
