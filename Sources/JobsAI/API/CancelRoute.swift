import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `POST /api/cancel/{id}`: only a live job becomes `cancelling`; a finished one is left alone (409).
extension JobsAPI {
    /// The body of a 202.
    struct CancelAccepted: Encodable {
        var jobID: String
        var status: JobStatus
        enum CodingKeys: String, CodingKey { case jobID = "job_id", status }
    }

    func cancel(_ jobID: String) async -> APIResponse {
        guard Self.isJobID(jobID) else { return .error(404, "No job with this id.") }
        let now = clock.date
        do {
            // A live job past its deadline has ended (timed_out) whatever the store still says.
            if let record = try await store.get(jobID), record.effectiveStatus(at: now).isFinal {
                return finished(record, at: now)
            }
            switch try await store.requestCancel(jobID, at: now) {
            case .requested(let record):
                return .json(202, CancelAccepted(jobID: record.jobID, status: .cancelling))
            case .alreadyFinal(let record):
                return finished(record, at: now)
            case .notFound:
                return .error(404, "No job with this id (jobs are kept for a day).")
            }
        } catch {
            logger.error(
                "cancel not stored", metadata: ["job_id": .string(jobID), "error": .string(error.description)])
            return .error(503, "Job storage is unavailable. Try again shortly.")
        }
    }

    private func finished(_ record: JobRecord, at now: Date) -> APIResponse {
        .error(409, "The job has already ended (\(record.effectiveStatus(at: now).rawValue)); nothing to cancel.")
    }
}
