import Foundation
import LambdaRuntime

/// Turns a function's output into the HTTP response a Function URL / HTTP API answers (reference 3.2).
enum HTTPResponseMapper {
    /// The HTTP answer: status, headers in order (repeats allowed, e.g. Set-Cookie), body.
    struct Answer: Equatable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        static func == (lhs: Answer, rhs: Answer) -> Bool {
            lhs.status == rhs.status && lhs.body == rhs.body
                && lhs.headers.map { "\($0.0):\($0.1)" } == rhs.headers.map { "\($0.0):\($0.1)" }
        }

        static let internalError = Answer(
            status: 502, headers: [("content-type", "application/json")],
            body: Array(#"{"message":"Internal Server Error"}"#.utf8))
    }

    /// The content type of a streamed response with an HTTP prelude.
    static let streamingContentType = "application/vnd.awslambda.http-integration-response"

    static func answer(for result: InvocationResult) -> Answer {
        if result.isFunctionError { return .internalError }
        if result.contentType.hasPrefix(streamingContentType) { return streamed(result.payload) }
        // A Function URL answers any unreadable function answer with its one 502, as Lambda's does, so the
        // parsers' reasons below have no reader.
        guard let object = try? JSONSerialization.jsonObject(with: Data(result.payload), options: [.fragmentsAllowed])
        else { return .internalError }
        guard let fields = object as? [String: Any], fields["statusCode"] != nil else {
            return Answer(status: 200, headers: [("content-type", "application/json")], body: result.payload)
        }
        guard let response = try? JSONDecoder().decode(APIGatewayV2Response.self, from: Data(result.payload)),
            (100...599).contains(response.statusCode)
        else { return .internalError }
        var body: [UInt8] = []
        if let text = response.body {
            if response.isBase64Encoded == true {
                guard let decoded = Base64.decode(text) else { return .internalError }
                body = decoded
            } else {
                body = Array(text.utf8)
            }
        }
        var headers = (response.headers ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        headers += (response.cookies ?? []).map { ("set-cookie", $0) }
        return Answer(status: response.statusCode, headers: headers, body: body)
    }

    /// Splits a streamed body into its JSON prelude (status, headers, cookies) and the raw bytes after 8 NULs.
    static func streamed(_ payload: [UInt8]) -> Answer {
        let separator = [UInt8](repeating: 0, count: 8)
        // As above: a prelude that is not a JSON object is the one 502.
        guard let split = payload.firstRange(of: separator),
            let prelude = try? JSONSerialization.jsonObject(with: Data(payload[..<split.lowerBound])) as? [String: Any]
        else { return .internalError }
        let status = prelude["statusCode"] as? Int ?? 200
        var headers = ((prelude["headers"] as? [String: String]) ?? [:]).sorted { $0.key < $1.key }.map {
            ($0.key, $0.value)
        }
        for (name, values) in (prelude["multiValueHeaders"] as? [String: [String]]) ?? [:] {
            headers += values.map { (name, $0) }
        }
        headers += ((prelude["cookies"] as? [String]) ?? []).map { ("set-cookie", $0) }
        return Answer(status: status, headers: headers, body: Array(payload[split.upperBound...]))
    }
}
