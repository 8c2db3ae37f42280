/// Applies a Function URL's `Cors` settings as AWS does in front of the function: preflight requests are
/// answered without invoking it, and every answer to an allowed origin carries the configured headers
/// (replacing any `Access-Control-*` headers the function returned).
struct FunctionURLCORSPolicy: Sendable {
    let cors: FunctionURLCors

    /// The answer to a CORS preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`), or nil
    /// when the request is not one and goes to the function.
    func preflight(method: String, origin: String?, requestedMethod: String?) -> HTTPResponseMapper.Answer? {
        guard method == "OPTIONS", let origin, let requestedMethod else { return nil }
        var headers: [(String, String)] = [("vary", "Origin")]
        if let allowed = allowedOrigin(origin), allows(method: requestedMethod) {
            headers.append(("access-control-allow-origin", allowed))
            headers.append(("access-control-allow-methods", cors.allowMethods.joined(separator: ",")))
            if !cors.allowHeaders.isEmpty {
                headers.append(("access-control-allow-headers", cors.allowHeaders.joined(separator: ",")))
            }
            if cors.allowCredentials { headers.append(("access-control-allow-credentials", "true")) }
            if let maxAge = cors.maxAge { headers.append(("access-control-max-age", String(maxAge))) }
        }
        return HTTPResponseMapper.Answer(status: 200, headers: headers, body: [])
    }

    /// The function's answer with the configured CORS headers for `origin` in place of its own.
    func decorate(_ answer: HTTPResponseMapper.Answer, origin: String?) -> HTTPResponseMapper.Answer {
        var decorated = answer
        decorated.headers.removeAll { $0.0.lowercased().hasPrefix("access-control-") }
        guard let origin else { return decorated }
        decorated.headers.append(("vary", "Origin"))
        guard let allowed = allowedOrigin(origin) else { return decorated }
        decorated.headers.append(("access-control-allow-origin", allowed))
        if !cors.exposeHeaders.isEmpty {
            decorated.headers.append(("access-control-expose-headers", cors.exposeHeaders.joined(separator: ",")))
        }
        if cors.allowCredentials { decorated.headers.append(("access-control-allow-credentials", "true")) }
        return decorated
    }

    /// The `Access-Control-Allow-Origin` value for `origin`, or nil when it is not allowed. A wildcard
    /// answers `*`, except with credentials, where browsers require the origin itself.
    func allowedOrigin(_ origin: String) -> String? {
        if cors.allowOrigins.contains("*") { return cors.allowCredentials ? origin : "*" }
        let wanted = origin.lowercased()
        return cors.allowOrigins.contains { $0.lowercased() == wanted } ? origin : nil
    }

    func allows(method: String) -> Bool {
        cors.allowMethods.contains("*") || cors.allowMethods.contains { $0.uppercased() == method.uppercased() }
    }
}
