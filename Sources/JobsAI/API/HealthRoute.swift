/// `GET /api/health` and `GET /api/questionnaire`: the routes that read no job.
extension JobsAPI {
    /// The body of a health answer.
    struct HealthBody: Encodable {
        var status: String
        var checks: [String: String]
    }

    func healthCheck() async -> Outcome {
        let results = await health.check()
        var checks: [String: String] = [:]
        var failures: [String] = []
        for (name, failure) in results {
            if let failure {
                checks[name] = "unavailable"
                failures.append("\(name): \(failure)")
            } else {
                checks[name] = "ok"
            }
        }
        let healthy = failures.isEmpty
        return Outcome(
            .json(healthy ? 200 : 503, HealthBody(status: healthy ? "ok" : "degraded", checks: checks)),
            note: healthy ? nil : failures.sorted().joined(separator: "; "))
    }

    func questionnaire() -> APIResponse {
        .raw(200, questionnaireJSON, headers: ["Cache-Control": "public, max-age=300"])
    }
}
