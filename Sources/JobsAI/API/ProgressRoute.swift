import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `GET /api/progress/{id}`: the job's status, step, counts and, once complete, what it produced.
extension JobsAPI {
    /// The body of a progress answer. Never carries storage keys.
    struct ProgressBody: Encodable {
        var jobID: String
        var status: JobStatus
        /// 0 before the worker's first report, then 1...6.
        var step: Int
        var stepCount: Int
        var phase: JobPhase?
        var message: String
        var counts: JobCounts
        var createdAt: String
        var deadlineAt: String
        var error: String?
        var jobs: [ChosenJob]?
        var letters: [String]?
        /// What was understood of the answers: from step 2 on, and with the results.
        var profileSummary: ProfileSummary?
        /// Why the search stopped before its last query, when it did.
        var searchStop: SearchStop?

        enum CodingKeys: String, CodingKey {
            case jobID = "job_id", status, step, stepCount = "step_count", phase, message, counts
            case createdAt = "created_at", deadlineAt = "deadline_at", error, jobs, letters
            case profileSummary = "profile_summary", searchStop = "search_stop"
        }
    }

    func progress(_ jobID: String) async -> APIResponse {
        guard Self.isJobID(jobID) else { return .error(404, "No job with this id.") }
        return await withStoredJob(jobID) { .json(200, progressBody($0, at: clock.date)) }
    }

    func progressBody(_ record: JobRecord, at now: Date) -> ProgressBody {
        let status = record.effectiveStatus(at: now)
        var body = ProgressBody(
            jobID: record.jobID, status: status, step: record.progress?.step ?? 0, stepCount: JobPhase.stepCount,
            phase: record.progress?.phase, message: record.progress?.message ?? "Waiting for the search to start...",
            counts: record.progress?.counts ?? JobCounts(), createdAt: JobTimestamp.format(record.createdAt),
            deadlineAt: JobTimestamp.format(record.deadlineAt), profileSummary: record.progress?.profileSummary,
            searchStop: record.progress?.searchStop)
        switch status {
        case .queued, .running: break
        case .cancelling: body.message = "Cancelling..."
        case .cancelled: body.message = "You cancelled the job search."
        case .error:
            body.error = record.error ?? "An error occurred during processing."
            body.message = "The search failed."
        case .timedOut:
            let minutes = max(1, Int(record.deadlineAt.timeIntervalSince(record.createdAt) / 60))
            body.error =
                record.status == .timedOut
                ? (record.error ?? "The search took longer than \(minutes) minutes and was stopped.")
                : "The search took longer than \(minutes) minutes and was stopped."
            body.message = "The search timed out."
        case .complete:
            let result = record.result ?? JobResult(jobs: [], letters: [], bundle: nil)
            body.jobs = result.jobs
            body.letters = result.letters.map(\.fileName)
            body.profileSummary = result.profileSummary ?? body.profileSummary
            let count = result.letters.count
            body.message = "All set! Generated \(count) cover letter\(count == 1 ? "" : "s")."
        }
        return body
    }
}
