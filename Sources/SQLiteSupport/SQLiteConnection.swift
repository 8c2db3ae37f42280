import CSQLite
import Logging

/// One SQLite connection with a cache of prepared statements. Not thread-safe: its owner keeps it to one
/// thread at a time (LocalDynamo's engine lock, the emulator stores' dedicated threads).
public final class SQLiteConnection {
    private var handle: OpaquePointer?
    private var statements: [String: SQLiteStatement] = [:]
    /// What the connection opened (a path or `:memory:`), for messages.
    public let location: String
    let logger: Logger

    /// Opens (creating) a database file, or a private in-memory database when `path` is nil. A statement that
    /// finds the database locked by another connection retries for up to `busyTimeout` before failing with
    /// `SQLITE_BUSY`.
    public init(
        path: String?, busyTimeout: Duration = .seconds(5), logger: Logger = Logger(label: "sqlite")
    ) throws(SQLiteError) {
        location = path ?? ":memory:"
        self.logger = logger
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(location, &handle, flags, nil)
        guard result == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw SQLiteError(code: result, message: "\(location): \(message)")
        }
        let (seconds, attoseconds) = busyTimeout.components
        sqlite3_busy_timeout(handle, Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if result != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "unknown"
            sqlite3_free(errorMessage)
            throw SQLiteError(code: result, message: message)
        }
    }

    /// A prepared statement for `sql`, reset and with bindings cleared, reused across calls.
    public func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        var raw: OpaquePointer?
        let result = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard result == SQLITE_OK, let raw else { throw error(result) }
        let statement = SQLiteStatement(raw: raw, connection: self)
        statements[sql] = statement
        return statement
    }

    /// Runs one statement with `parameters` and returns all its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        let statement = try statement(sql)
        try statement.bind(parameters)
        return try statement.rows()
    }

    /// The rowid of the last insert.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed")
    }
}

/// How hard a commit in WAL mode works to survive a crash.
public enum SQLiteSynchronous: String, Sendable {
    /// A commit is in the WAL (the kernel's page cache) when it returns: it survives the process being killed,
    /// not a power loss.
    case normal = "NORMAL"
    /// A commit is fsynced before it returns: it survives a power loss too.
    case full = "FULL"
}

extension SQLiteConnection {
    /// Switches a file database to the write-ahead log with the given durability.
    public func useWriteAheadLog(synchronous: SQLiteSynchronous) throws(SQLiteError) {
        try execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=\(synchronous.rawValue);")
    }
}
