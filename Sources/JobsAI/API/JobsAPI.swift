import BuildingBlocks
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The HTTP API of JobsAI: routes a request to its handler, applies CORS, and logs one line per request.
public struct JobsAPI: Sendable {
    public let configuration: APIConfiguration
    let store: any JobStore
    let rateLimiter: any RateLimiting
    let worker: any WorkerInvoking
    let linker: any DocumentLinking
    let health: any HealthChecking
    let clock: any WallClock
    let makeJobID: @Sendable () -> String
    let logger: Logger
    let cors: CORSPolicy
    let questionnaireJSON: [UInt8]

    public init(
        configuration: APIConfiguration, store: any JobStore, rateLimiter: any RateLimiting,
        worker: any WorkerInvoking, linker: any DocumentLinking, health: any HealthChecking,
        clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "jobsai-api"),
        makeJobID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.configuration = configuration
        self.store = store
        self.rateLimiter = rateLimiter
        self.worker = worker
        self.linker = linker
        self.health = health
        self.clock = clock
        self.logger = logger
        self.makeJobID = makeJobID
        self.cors = CORSPolicy(allowedOrigins: configuration.allowedOrigins)
        self.questionnaireJSON = Array(QuestionnaireDocument().json())
    }

    /// What a route produced, with what the request log needs.
    struct Outcome {
        var response: APIResponse
        var jobID: String?
        var note: String?

        init(_ response: APIResponse, jobID: String? = nil, note: String? = nil) {
            self.response = response
            self.jobID = jobID
            self.note = note
        }
    }

    /// Answers one request.
    public func handle(_ request: APIRequest) async -> APIResponse {
        let started = ContinuousClock.now
        let route = Route(request)
        var outcome: Outcome
        if request.method == "OPTIONS" {
            outcome = Outcome(cors.preflight(request, allow: route.methods))
        } else {
            outcome = await dispatch(route, request)
        }
        outcome.response.headers.merge(cors.headers(for: request)) { current, _ in current }
        log(request, route: route, outcome: outcome, elapsed: ContinuousClock.now - started)
        return outcome.response
    }

    private func dispatch(_ route: Route, _ request: APIRequest) async -> Outcome {
        guard route.methods.contains(request.method) || (request.method == "HEAD" && route.methods.contains("GET"))
        else {
            if route == .unknown { return Outcome(.error(404, "No such route: \(request.method) \(request.path).")) }
            return Outcome(
                .error(
                    405, "Use \(route.methods.joined(separator: " or ")) here.",
                    headers: ["Allow": (route.methods + ["OPTIONS"]).joined(separator: ", ")]))
        }
        switch route {
        case .questionnaire: return Outcome(questionnaire())
        case .start: return await start(request)
        case .progress(let id): return Outcome(await progress(id), jobID: id)
        case .download(let id): return Outcome(await download(id, index: request.query["index"]), jobID: id)
        case .cancel(let id): return Outcome(await cancel(id), jobID: id)
        case .health: return await healthCheck()
        case .unknown: return Outcome(.error(404, "No such route."))
        }
    }

    /// One JSON line per request: the route's template (never the raw path's job id in the message), the
    /// status, the time taken, the request id and the job id. No addresses, no answers, no personal data.
    private func log(_ request: APIRequest, route: Route, outcome: Outcome, elapsed: Duration) {
        var metadata: Logger.Metadata = [
            "request_id": .string(request.requestID), "http_method": .string(request.method),
            "route": .string(route.template), "http_status": .stringConvertible(outcome.response.status),
            "duration_ms": .stringConvertible(
                elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000),
        ]
        if let jobID = outcome.jobID { metadata["job_id"] = .string(jobID) }
        if let note = outcome.note { metadata["note"] = .string(note) }
        let level: Logger.Level = outcome.response.status >= 500 ? .error : .info
        logger.log(level: level, "HTTP request", metadata: metadata)
    }

    /// The answer `answer` gives for the stored job; 503 when the store cannot be read, 404 when the job is
    /// unknown or gone.
    func withStoredJob(_ jobID: String, _ answer: (JobRecord) async -> APIResponse) async -> APIResponse {
        let record: JobRecord?
        do {
            record = try await store.get(jobID)
        } catch {
            logger.error("job not read", metadata: ["job_id": .string(jobID), "error": .string(error.description)])
            return .error(503, "Job storage is unavailable. Try again shortly.")
        }
        guard let record else { return .error(404, "No job with this id (jobs are kept for a day).") }
        return await answer(record)
    }

    /// A job id as the API hands them out (a lower-case UUID); anything else is answered 404 unread.
    static func isJobID(_ text: String) -> Bool {
        text.count == 36 && UUID(uuidString: text) != nil && text == text.lowercased()
    }
}

/// The routes of the API.
enum Route: Equatable {
    case questionnaire, start, health, unknown
    case progress(String), download(String), cancel(String)

    init(_ request: APIRequest) {
        var path = request.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count == 4 ? (parts[1], parts[2], parts[3]) : ("", "", "") {
        case ("api", "progress", let id) where !id.isEmpty: self = .progress(id)
        case ("api", "download", let id) where !id.isEmpty: self = .download(id)
        case ("api", "cancel", let id) where !id.isEmpty: self = .cancel(id)
        default:
            switch path {
            case "/api/questionnaire": self = .questionnaire
            case "/api/start": self = .start
            case "/api/health": self = .health
            default: self = .unknown
            }
        }
    }

    /// The methods the route answers (besides OPTIONS).
    var methods: [String] {
        switch self {
        case .questionnaire, .progress, .download, .health: return ["GET"]
        case .start, .cancel: return ["POST"]
        case .unknown: return []
        }
    }

    /// The route as logged: ids replaced by `{id}`.
    var template: String {
        switch self {
        case .questionnaire: return "/api/questionnaire"
        case .start: return "/api/start"
        case .health: return "/api/health"
        case .progress: return "/api/progress/{id}"
        case .download: return "/api/download/{id}"
        case .cancel: return "/api/cancel/{id}"
        case .unknown: return "unknown"
        }
    }
}
