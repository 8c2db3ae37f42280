/// Cross-origin rules from `ALLOWED_ORIGINS`: listed origins are echoed back, `*` allows any origin
/// (never together with credentials: the API sends no `Access-Control-Allow-Credentials` at all), and an
/// empty list means same origin only.
struct CORSPolicy: Sendable {
    let allowedOrigins: Set<String>
    let allowsAny: Bool

    init(allowedOrigins: [String]) {
        let trimmed = allowedOrigins.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.allowedOrigins = Set(trimmed.filter { $0 != "*" })
        self.allowsAny = trimmed.contains("*")
    }

    /// Headers a browser may read from cross-origin answers.
    static let exposed = "Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"

    /// The `Access-Control-Allow-Origin` value for a request's `Origin`, nil when not allowed.
    func allowedOrigin(_ origin: String?) -> String? {
        guard let origin, !origin.isEmpty else { return nil }
        if allowedOrigins.contains(origin) { return origin }
        return allowsAny ? "*" : nil
    }

    /// Headers added to every answer (429s and errors included).
    func headers(for request: APIRequest) -> [String: String] {
        guard let origin = allowedOrigin(request.header("Origin")) else {
            return allowedOrigins.isEmpty ? [:] : ["Vary": "Origin"]
        }
        var headers = ["Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": Self.exposed]
        if origin != "*" { headers["Vary"] = "Origin" }
        return headers
    }

    /// The answer to an `OPTIONS` request: 204 with the allowed methods, or 403 for a foreign origin's preflight.
    func preflight(_ request: APIRequest, allow methods: [String]) -> APIResponse {
        guard !methods.isEmpty else { return .error(404, "No such route: \(request.path).") }
        let allow = (methods + ["OPTIONS"]).joined(separator: ", ")
        guard let origin = request.header("Origin"), request.header("Access-Control-Request-Method") != nil else {
            return APIResponse(status: 204, headers: ["Allow": allow])
        }
        guard allowedOrigin(origin) != nil else {
            return .error(403, "This origin may not call the API; ask for it to be added to ALLOWED_ORIGINS.")
        }
        return APIResponse(
            status: 204,
            headers: [
                "Allow": allow, "Access-Control-Allow-Methods": allow,
                "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600",
            ])
    }
}
