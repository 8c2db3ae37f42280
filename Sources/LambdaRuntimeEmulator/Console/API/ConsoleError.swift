/// A refusal of the console's API: its HTTP status and `{"error":{"code","message"}}`.
struct ConsoleError: Error, Sendable, Equatable {
    var status: Int
    var code: String
    var message: String

    static func badRequest(_ message: String) -> ConsoleError {
        ConsoleError(status: 400, code: "BadRequest", message: message)
    }

    static func notFound(_ message: String) -> ConsoleError {
        ConsoleError(status: 404, code: "NotFound", message: message)
    }

    static func forbidden(_ message: String) -> ConsoleError {
        ConsoleError(status: 403, code: "Forbidden", message: message)
    }

    static func conflict(_ message: String) -> ConsoleError {
        ConsoleError(status: 409, code: "Conflict", message: message)
    }

    static func unavailable(_ message: String) -> ConsoleError {
        ConsoleError(status: 503, code: "Unavailable", message: message)
    }

    static func `internal`(_ message: String) -> ConsoleError {
        ConsoleError(status: 500, code: "InternalError", message: message)
    }
}
