import Foundation
import Logging

/// Answers CORS from a bucket's rules: preflight `OPTIONS`, and headers on actual requests.
enum CORSResponder {
    /// The first rule matching origin, method and requested headers.
    static func matchingRule(_ rules: [CORSRule], origin: String, method: String, requestHeaders: [String]) -> CORSRule?
    {
        rules.first { rule in
            rule.allowedOrigins.contains { wildcardMatch(pattern: $0, value: origin) }
                && rule.allowedMethods.contains(method)
                && requestHeaders.allSatisfy { header in
                    rule.allowedHeaders.contains { wildcardMatch(pattern: $0.lowercased(), value: header.lowercased()) }
                }
        }
    }

    /// Matches a pattern with at most one `*` against a value.
    static func wildcardMatch(pattern: String, value: String) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == value }
        let head = pattern[..<star]
        let tail = pattern[pattern.index(after: star)...]
        return value.count >= head.count + tail.count && value.hasPrefix(head) && value.hasSuffix(tail)
    }

    static func preflight(_ request: S3Request, store: FileStore) throws -> S3Response {
        guard let bucket = request.bucket else { throw S3Error(.invalidRequest, "CORS preflight needs a bucket") }
        guard let origin = request.headers["origin"], let method = request.headers["access-control-request-method"]
        else {
            throw S3Error(.invalidRequest, "Insufficient information. Origin request header needed.", status: 400)
        }
        let requested = (request.headers["access-control-request-headers"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let rules = try store.bucketConfiguration(bucket).cors,
            let rule = matchingRule(rules, origin: origin, method: method, requestHeaders: requested)
        else {
            throw S3Error(
                .accessDenied,
                "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec."
            )
        }
        var response = S3Response(headers: headers(rule: rule, origin: origin))
        if !requested.isEmpty {
            response.headers.append(("Access-Control-Allow-Headers", requested.joined(separator: ", ")))
        }
        return response
    }

    /// Adds CORS headers to an actual request's response when a rule matches (whatever the status).
    static func addHeaders(
        to response: inout S3Response, origin: String, request: S3Request, store: FileStore, bucket: String,
        logger: Logger
    ) {
        let rules: [CORSRule]
        do {
            guard let configured = try store.bucketConfiguration(bucket).cors else { return }
            rules = configured
        } catch let error as S3Error where error.code == .noSuchBucket {
            return  // no bucket, no CORS rules: the response already says so
        } catch {
            logger.error(
                "CORS rules unreadable; answering without CORS headers",
                metadata: ["bucket": "\(bucket)", "error": "\(error)"])
            return
        }
        let method = request.headers["access-control-request-method"] ?? request.method
        guard let rule = matchingRule(rules, origin: origin, method: method, requestHeaders: []) else { return }
        response.headers += headers(rule: rule, origin: origin)
    }

    static func headers(rule: CORSRule, origin: String) -> [(name: String, value: String)] {
        let wildcard = rule.allowedOrigins.contains("*")
        var headers: [(name: String, value: String)] = [
            ("Access-Control-Allow-Origin", wildcard ? "*" : origin),
            ("Access-Control-Allow-Methods", rule.allowedMethods.joined(separator: ", ")),
            ("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method"),
        ]
        if !wildcard { headers.append(("Access-Control-Allow-Credentials", "true")) }
        if let age = rule.maxAgeSeconds { headers.append(("Access-Control-Max-Age", String(age))) }
        if !rule.exposeHeaders.isEmpty {
            headers.append(("Access-Control-Expose-Headers", rule.exposeHeaders.joined(separator: ", ")))
        }
        return headers
    }
}
