import Foundation
import LambdaRuntime
import LocalDynamo

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
        guard let value = try? JSON.parse(result.payload) else { return .internalError }
        guard let fields = value.objectValue, fields["statusCode"] != nil else {
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
            let prelude = (try? JSON.parse(Array(payload[..<split.lowerBound])))?.objectValue
        else { return .internalError }
        let status = prelude["statusCode"].flatMap(Self.integer) ?? 200
        var headers = (prelude["headers"].flatMap(Self.stringMembers) ?? [:]).sorted { $0.key < $1.key }.map {
            ($0.key, $0.value)
        }
        for (name, list) in prelude["multiValueHeaders"]?.objectValue ?? [:] {
            headers += (Self.strings(list) ?? []).map { (name, $0) }
        }
        headers += (prelude["cookies"].flatMap(Self.strings) ?? []).map { ("set-cookie", $0) }
        return Answer(status: status, headers: headers, body: Array(payload[split.upperBound...]))
    }

    /// A whole number, nil for anything else.
    private static func integer(_ value: JSON) -> Int? {
        guard case .number(let text) = value else { return nil }
        return Int(text) ?? Double(text).flatMap { Int(exactly: $0) }
    }

    /// An object whose members are all strings, nil for anything else.
    private static func stringMembers(_ value: JSON) -> [String: String]? {
        guard let members = value.objectValue else { return nil }
        var strings: [String: String] = [:]
        for (name, member) in members {
            guard case .string(let text) = member else { return nil }
            strings[name] = text
        }
        return strings
    }

    /// An array of strings only, nil for anything else.
    private static func strings(_ value: JSON) -> [String]? {
        guard case .array(let elements) = value else { return nil }
        var strings: [String] = []
        for element in elements {
            guard case .string(let text) = element else { return nil }
            strings.append(text)
        }
        return strings
    }
}
