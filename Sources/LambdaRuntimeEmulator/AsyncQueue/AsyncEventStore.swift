import Foundation

/// An `Event` invocation as stored until it has run.
public struct StoredEvent: Sendable, Equatable {
    public var id: Int64
    public var function: String
    public var request: InvocationRequest
    public var attempts: Int
}

/// A stored event that failed every attempt.
public struct DeadLetter: Sendable, Equatable, Codable {
    public var function: String
    public var requestID: String
    public var payload: String
    public var error: String
    public var attempts: Int
    public var failedAt: Date
}

/// Durable storage of accepted `Event` invocations and dead letters, in SQLite (WAL, synchronous FULL).
///
/// An event is committed before the Invoke API answers 202 and deleted only once it has run or been
/// moved to the dead letters, so an acknowledged event survives an emulator restart.
public actor AsyncEventStore {
    private let database: SQLiteDatabase

    public init(path: String) throws {
        database = try SQLiteDatabase(path: path)
        try database.execute(
            """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS pending_events(
                id INTEGER PRIMARY KEY AUTOINCREMENT, function TEXT NOT NULL, request_id TEXT NOT NULL,
                payload BLOB NOT NULL, client_context TEXT, attempts INTEGER NOT NULL DEFAULT 0,
                enqueued_at REAL NOT NULL);
            CREATE TABLE IF NOT EXISTS dead_letters(
                id INTEGER PRIMARY KEY AUTOINCREMENT, function TEXT NOT NULL, request_id TEXT NOT NULL,
                payload BLOB NOT NULL, error BLOB NOT NULL, attempts INTEGER NOT NULL, failed_at REAL NOT NULL);
            """)
    }

    /// Stores an event durably and returns its id.
    @discardableResult
    public func enqueue(function: String, request: InvocationRequest) throws -> Int64 {
        try database.query(
            "INSERT INTO pending_events(function, request_id, payload, client_context, enqueued_at) VALUES (?,?,?,?,?)",
            [
                .text(function), .text(request.requestID), .blob(request.payload),
                request.clientContext.map { .text($0) } ?? .null, .real(Date().timeIntervalSince1970),
            ])
        return database.lastInsertID
    }

    /// The oldest pending event of a function, if any.
    public func oldest(function: String) throws -> StoredEvent? {
        try database.query(
            "SELECT id, function, request_id, payload, client_context, attempts FROM pending_events "
                + "WHERE function = ? ORDER BY id LIMIT 1", [.text(function)]
        ).first.map(Self.event)
    }

    /// Names of functions with pending events.
    public func functionsWithPendingEvents() throws -> [String] {
        try database.query("SELECT DISTINCT function FROM pending_events ORDER BY function").compactMap { $0[0].text }
    }

    /// Records one more failed attempt.
    public func recordAttempt(id: Int64) throws {
        try database.query("UPDATE pending_events SET attempts = attempts + 1 WHERE id = ?", [.integer(id)])
    }

    /// Removes an event that ran.
    public func complete(id: Int64) throws {
        try database.query("DELETE FROM pending_events WHERE id = ?", [.integer(id)])
    }

    /// Moves an event to the dead letters, with the error its last attempt produced.
    public func deadLetter(_ event: StoredEvent, error: [UInt8], attempts: Int) throws {
        try database.execute("BEGIN IMMEDIATE")
        do {
            try database.query(
                "INSERT INTO dead_letters(function, request_id, payload, error, attempts, failed_at) "
                    + "VALUES (?,?,?,?,?,?)",
                [
                    .text(event.function), .text(event.request.requestID), .blob(event.request.payload),
                    .blob(error), .integer(Int64(attempts)), .real(Date().timeIntervalSince1970),
                ])
            try database.query("DELETE FROM pending_events WHERE id = ?", [.integer(event.id)])
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    /// Every dead letter, oldest first.
    public func deadLetters() throws -> [DeadLetter] {
        try database.query(
            "SELECT function, request_id, payload, error, attempts, failed_at FROM dead_letters ORDER BY id"
        ).map { row in
            DeadLetter(
                function: row[0].text ?? "", requestID: row[1].text ?? "",
                payload: String(decoding: row[2].bytes, as: UTF8.self),
                error: String(decoding: row[3].bytes, as: UTF8.self), attempts: Int(row[4].integer ?? 0),
                failedAt: Date(
                    timeIntervalSince1970: { if case .real(let v) = row[5] { return v } else { return 0 } }()))
        }
    }

    /// The number of events not yet run.
    public func pendingCount() throws -> Int {
        Int(try database.query("SELECT COUNT(*) FROM pending_events").first?[0].integer ?? 0)
    }

    private static func event(_ row: [SQLiteDatabase.Value]) -> StoredEvent {
        StoredEvent(
            id: row[0].integer ?? 0, function: row[1].text ?? "",
            request: InvocationRequest(requestID: row[2].text ?? "", payload: row[3].bytes, clientContext: row[4].text),
            attempts: Int(row[5].integer ?? 0))
    }
}
