/// A SQLite failure: the result code and SQLite's message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// SQLite's result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, ...).
    public let code: Int32
    public let message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "SQLite error \(code): \(message)" }
}
