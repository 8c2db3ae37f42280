import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An HTTP response of the API: status, headers and a JSON body.
public struct APIResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response from an `Encodable` value (snake_case keys are the types' own coding keys).
    public static func json(_ status: Int, _ value: some Encodable, headers: [String: String] = [:]) -> APIResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return raw(status, Array(try encoder.encode(value)), headers: headers)
        } catch {
            // The API's own answer types are plain structs that always encode; were one not to, say so as a 500
            // (written by hand, so this path cannot fail again).
            let message = JSONValue.object(["message": .string("The response could not be encoded: \(error)")])
            return raw(500, Array(message.sortedCompactText.utf8))
        }
    }

    /// A JSON response from bytes that already are JSON.
    public static func raw(_ status: Int, _ body: [UInt8], headers: [String: String] = [:]) -> APIResponse {
        var all = ["Content-Type": "application/json", "Cache-Control": "no-store"]
        all.merge(headers) { _, given in given }
        return APIResponse(status: status, headers: all, body: body)
    }

    /// The error shape of every route: `{"message": "...", "errors": [...]?}`.
    public static func error(
        _ status: Int, _ message: String, errors: [FieldProblem]? = nil, headers: [String: String] = [:]
    ) -> APIResponse {
        json(status, ErrorBody(message: message, errors: errors), headers: headers)
    }
}

/// The JSON of an error answer.
public struct ErrorBody: Sendable, Codable, Equatable {
    public var message: String
    public var errors: [FieldProblem]?

    public init(message: String, errors: [FieldProblem]? = nil) {
        self.message = message
        self.errors = errors
    }
}
