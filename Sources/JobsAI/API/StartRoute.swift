import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `POST /api/start`: rate limit, size, JSON, every questionnaire rule, then the job item and the worker.
extension JobsAPI {
    /// The body of a 202.
    struct StartAccepted: Encodable {
        var jobID: String
        enum CodingKeys: String, CodingKey { case jobID = "job_id" }
    }

    func start(_ request: APIRequest) async -> Outcome {
        let now = clock.date
        var rateHeaders: [String: String] = [:]
        var note: String?
        switch await rateLimiter.admit(request.sourceIP, at: now) {
        case .decided(let decision):
            rateHeaders = decision.headers
            guard decision.allowed else {
                rateHeaders["Retry-After"] = String(decision.retryAfter(from: now))
                let minutes = max(1, (decision.retryAfter(from: now) + 59) / 60)
                return Outcome(
                    .error(
                        429,
                        "You've made too many searches lately (\(decision.limit) per "
                            + "\(configuration.rateLimitWindowSeconds / 60) minutes). Try again in \(minutes) minutes.",
                        headers: rateHeaders), note: "rate limited")
            }
        case .failedOpen(let reason):
            logger.warning(
                "rate limiter failed open",
                metadata: ["request_id": .string(request.requestID), "error": .string(reason)])
            note = "rate limiter failed open"
        }
        func answer(_ response: APIResponse, jobID: String? = nil) -> Outcome {
            var response = response
            response.headers.merge(rateHeaders) { current, _ in current }
            return Outcome(response, jobID: jobID, note: note)
        }
        guard let body = request.body, !body.isEmpty else {
            return answer(.error(400, "Send the questionnaire as a JSON object in the request body."))
        }
        guard body.count <= QuestionnaireDocument.maxBodyBytes else {
            return answer(
                .error(413, "The request body is larger than \(QuestionnaireDocument.maxBodyBytes / 1024) KB."))
        }
        // A JSON content type makes a browser preflight any cross-origin start, which CORS then refuses:
        // a form or a text/plain fetch from another site cannot start jobs on a visitor's behalf.
        guard Self.isJSON(request.header("Content-Type")) else {
            return answer(.error(400, "Send the questionnaire with Content-Type: application/json."))
        }
        let payload: PayloadValue
        do {
            payload = try JSONDecoder().decode(PayloadValue.self, from: Data(body))
        } catch {
            return answer(.error(400, "The request body is not valid JSON."))
        }
        do {
            // The worker reads the same payload again with the same parser; here only its verdict counts.
            _ = try AnswersParser().parse(payload)
        } catch {
            let problems = error.problems
            let count = problems.count == 1 ? "1 answer needs" : "\(problems.count) answers need"
            return answer(.error(422, "\(count) attention before the search can start.", errors: problems))
        }
        let jobID = makeJobID()
        let record = JobRecord(
            jobID: jobID, status: .queued, createdAt: now,
            deadlineAt: now.addingTimeInterval(Double(configuration.jobDeadlineSeconds)),
            expiresAt: now.addingTimeInterval(Double(configuration.jobTTLSeconds)))
        do {
            try await store.create(record)
        } catch {
            logger.error("job not stored", metadata: ["job_id": .string(jobID), "error": .string(error.description)])
            return answer(
                .error(503, "The search could not be started: job storage is unavailable. Try again shortly."))
        }
        do {
            try await worker.invoke(WorkerEvent(jobID: jobID, answers: payload))
        } catch {
            logger.error("worker not invoked", metadata: ["job_id": .string(jobID), "error": .string(error.reason)])
            do {
                _ = try await store.finish(
                    jobID, status: .error, result: nil, error: "The search could not be started. Please try again.",
                    at: clock.date)
            } catch {
                // The job stays queued until its deadline, when progress reports it timed out.
                logger.error(
                    "job not marked failed", metadata: ["job_id": .string(jobID), "error": .string(error.description)])
            }
            return answer(
                .error(503, "The search could not be started: the worker is unavailable. Try again shortly."),
                jobID: jobID)
        }
        return answer(
            .json(202, StartAccepted(jobID: jobID), headers: ["Location": "/api/progress/\(jobID)"]), jobID: jobID)
    }

    /// `application/json`, with or without parameters such as `charset=utf-8`.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingWhitespaces().lowercased() == "application/json"
    }
}
