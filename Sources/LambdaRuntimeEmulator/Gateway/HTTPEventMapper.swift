import Foundation
import HTTPTypes
import Hummingbird
import LambdaRuntime

/// Builds the Function URL / HTTP API payload 2.0 event from an HTTP request (reference section 3.1).
enum HTTPEventMapper {
    /// Content types sent as text; everything else is base64 with `isBase64Encoded: true`.
    static func isText(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return true }
        return type.hasPrefix("text/") || type.contains("json") || type.contains("xml")
            || type.contains("javascript") || type.hasPrefix("application/x-www-form-urlencoded")
    }

    static func event(
        method: String, rawPath: String, rawQuery: String, headers: HTTPFields, body: [UInt8], sourceIP: String,
        now: Date = Date(), requestID: String = LambdaRequestID.make()
    ) -> APIGatewayV2Request {
        var joined: [String: String] = [:]
        var cookies: [String] = []
        for field in headers {
            let name = field.name.canonicalName.lowercased()
            joined[name] = joined[name].map { "\($0),\(field.value)" } ?? field.value
            if name == "cookie" {
                cookies += field.value.components(separatedBy: "; ").filter { !$0.isEmpty }
            }
        }
        var query: [String: String] = [:]
        for pair in rawQuery.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            query[key] = query[key].map { "\($0),\(value)" } ?? value
        }
        let host = joined["host"] ?? "localhost"
        let userAgent = joined["user-agent"] ?? ""
        var text: String?
        var base64 = false
        if !body.isEmpty {
            if isText(joined["content-type"]), let utf8 = String(validating: body, as: UTF8.self) {
                text = utf8
            } else {
                text = Base64.encode(body)
                base64 = true
            }
        }
        let context = APIGatewayV2Request.Context(
            accountId: "anonymous", apiId: String(host.split(separator: ".").first ?? "local"), domainName: host,
            domainPrefix: String(host.split(separator: ".").first ?? "local"), stage: "$default",
            requestId: requestID, routeKey: "$default",
            http: .init(method: method, path: rawPath, protocol: "HTTP/1.1", sourceIp: sourceIP, userAgent: userAgent),
            time: timeText(now), timeEpoch: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)), authorizer: nil,
            authentication: nil)
        return APIGatewayV2Request(
            rawPath: rawPath, rawQueryString: rawQuery, cookies: cookies, headers: joined,
            queryStringParameters: query, requestContext: context, body: text, isBase64Encoded: base64)
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// `dd/MMM/yyyy:HH:mm:ss +0000`, as API Gateway writes `requestContext.time`.
    static func timeText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
