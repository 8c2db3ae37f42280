import Foundation
import Logging
import SQLiteSupport

/// Durable storage of accepted `Event` invocations and dead letters, in SQLite (WAL, synchronous FULL).
///
/// An event is committed before the Invoke API answers 202 and deleted only once it has run, been forwarded
/// to a destination or been moved to the dead letters. Each attempt is claimed (`in_flight`, attempt count)
/// in its own commit before delivery, so after a crash `recoverInterrupted` finds the one attempt whose
/// outcome is unknown and lets it run again exactly once. Every statement runs on one dedicated thread.
public final class AsyncEventStore: Sendable {
    /// The connection, only ever touched on `thread`.
    private final class Connection: @unchecked Sendable {
        let database: SQLiteConnection
        init(_ database: SQLiteConnection) { self.database = database }
    }

    private let connection: Connection
    private let thread = SerialIOThread(name: "lambda-events-sqlite")

    public init(path: String) throws {
        let database = try SQLiteConnection(path: path, logger: Logger(label: "lambda-emulator.events"))
        try database.useWriteAheadLog(synchronous: .full)
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS pending_events(
                id INTEGER PRIMARY KEY AUTOINCREMENT, function TEXT NOT NULL, request_id TEXT NOT NULL,
                payload BLOB NOT NULL, client_context TEXT, attempts INTEGER NOT NULL DEFAULT 0,
                enqueued_at REAL NOT NULL);
            CREATE TABLE IF NOT EXISTS dead_letters(
                id INTEGER PRIMARY KEY AUTOINCREMENT, function TEXT NOT NULL, request_id TEXT NOT NULL,
                payload BLOB NOT NULL, error BLOB NOT NULL, attempts INTEGER NOT NULL, failed_at REAL NOT NULL);
            """)
        // Columns added after the first release; a database written by an older emulator gains them here.
        try Self.addColumns(
            to: "pending_events", in: database,
            [
                ("in_flight", "INTEGER NOT NULL DEFAULT 0"), ("next_attempt_at", "REAL NOT NULL DEFAULT 0"),
                ("last_error", "BLOB"),
            ])
        try Self.addColumns(
            to: "dead_letters", in: database,
            [
                ("condition", "TEXT NOT NULL DEFAULT 'RetriesExhausted'"), ("client_context", "TEXT"),
                ("batch_info", "TEXT"),
            ])
        connection = Connection(database)
    }

    private static func addColumns(
        to table: String, in database: SQLiteConnection, _ columns: [(name: String, type: String)]
    ) throws {
        let existing = Set(try database.query("PRAGMA table_info(\(table))").compactMap { $0[1].text })
        for column in columns where !existing.contains(column.name) {
            try database.execute("ALTER TABLE \(table) ADD COLUMN \(column.name) \(column.type)")
        }
    }

    @discardableResult
    func perform<T: Sendable>(_ work: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        let connection = connection
        return try await thread.run { try work(connection.database) }
    }

    /// Stores an event durably and returns its id.
    @discardableResult
    public func enqueue(function: String, request: InvocationRequest, at date: Date = Date()) async throws -> Int64 {
        try await perform { database in try Self.insert(function: function, request: request, at: date, database) }
    }

    private static func insert(
        function: String, request: InvocationRequest, at date: Date, _ database: SQLiteConnection
    ) throws -> Int64 {
        try database.query(
            "INSERT INTO pending_events(function, request_id, payload, client_context, enqueued_at) VALUES (?,?,?,?,?)",
            [
                .text(function), .text(request.requestID), .blob(request.payload),
                request.clientContext.map { .text($0) } ?? .null, .real(date.timeIntervalSince1970),
            ])
        return database.lastInsertRowID
    }

    /// Claims the oldest event of `function` that is neither running nor waiting for its retry delay:
    /// marks it in flight and counts the attempt, durably, before it is delivered.
    public func claimNext(function: String, now: Date) async throws -> StoredEvent? {
        try await perform { database in
            try database.transaction {
                guard
                    let row = try database.query(
                        "SELECT id, function, request_id, payload, client_context, attempts, enqueued_at, last_error "
                            + "FROM pending_events WHERE function = ? AND in_flight = 0 AND next_attempt_at <= ? "
                            + "ORDER BY id LIMIT 1", [.text(function), .real(now.timeIntervalSince1970)]
                    ).first
                else { return nil }
                var event = Self.event(row)
                try database.query(
                    "UPDATE pending_events SET in_flight = 1, attempts = attempts + 1 WHERE id = ?",
                    [.integer(event.id)])
                event.attempts += 1
                return event
            }
        }
    }

    /// When the earliest event of `function` waiting for a retry becomes due, if any waits.
    public func nextRetryTime(function: String) async throws -> Date? {
        try await perform { database in
            guard
                case .real(let seconds) = try database.query(
                    "SELECT MIN(next_attempt_at) FROM pending_events WHERE function = ? AND in_flight = 0",
                    [.text(function)]
                ).first?[0]
            else { return nil }
            return Date(timeIntervalSince1970: seconds)
        }
    }

    /// Returns a failed attempt's event to the queue, due again at `retryAt`.
    public func scheduleRetry(id: Int64, at retryAt: Date, error: [UInt8]) async throws {
        try await perform { database in
            try database.query(
                "UPDATE pending_events SET in_flight = 0, next_attempt_at = ?, last_error = ? WHERE id = ?",
                [.real(retryAt.timeIntervalSince1970), .blob(error), .integer(id)])
        }
    }

    /// Removes an event that ran, and in the same commit queues its destination record, if any.
    public func complete(id: Int64, forwarding forwarded: ForwardedEvent? = nil, at date: Date = Date()) async throws {
        try await perform { database in
            try database.transaction {
                if let forwarded {
                    _ = try Self.insert(function: forwarded.function, request: forwarded.request, at: date, database)
                }
                try database.query("DELETE FROM pending_events WHERE id = ?", [.integer(id)])
            }
        }
    }

    /// Moves an event to the dead letters with the error of its last attempt and why it was given up.
    public func deadLetter(_ event: StoredEvent, error: [UInt8], condition: String) async throws {
        try await perform { database in
            try database.transaction {
                try database.query(
                    "INSERT INTO dead_letters(function, request_id, payload, error, attempts, failed_at, condition, "
                        + "client_context) VALUES (?,?,?,?,?,?,?,?)",
                    [
                        .text(event.function), .text(event.request.requestID), .blob(event.request.payload),
                        .blob(error), .integer(Int64(event.attempts)), .real(Date().timeIntervalSince1970),
                        .text(condition), event.request.clientContext.map { .text($0) } ?? .null,
                    ])
                try database.query("DELETE FROM pending_events WHERE id = ?", [.integer(event.id)])
            }
        }
    }

    /// After a crash: attempts that were in flight did not finish, so they run again (once each) and do
    /// not count. Call once at start, before any claim. Returns how many were recovered.
    @discardableResult
    public func recoverInterrupted() async throws -> Int {
        try await perform { database in
            let count = Int(
                try database.query("SELECT COUNT(*) FROM pending_events WHERE in_flight = 1").first?[0].integer ?? 0)
            try database.query(
                "UPDATE pending_events SET in_flight = 0, attempts = MAX(attempts - 1, 0) WHERE in_flight = 1")
            return count
        }
    }

    /// Names of functions with pending events.
    public func functionsWithPendingEvents() async throws -> [String] {
        try await perform { database in
            try database.query("SELECT DISTINCT function FROM pending_events ORDER BY function").compactMap {
                $0[0].text
            }
        }
    }

    /// Every dead letter, oldest first.
    public func deadLetters() async throws -> [DeadLetter] {
        try await perform { database in
            try database.query(
                "SELECT id, function, request_id, payload, error, attempts, failed_at, condition, batch_info "
                    + "FROM dead_letters ORDER BY id"
            ).map { row in
                DeadLetter(
                    id: row[0].integer ?? 0, function: row[1].text ?? "", requestID: row[2].text ?? "",
                    payload: String(decoding: row[3].bytes, as: UTF8.self),
                    error: String(decoding: row[4].bytes, as: UTF8.self), attempts: Int(row[5].integer ?? 0),
                    condition: row[7].text ?? "RetriesExhausted",
                    failedAt: Date(timeIntervalSince1970: row[6].real ?? 0), batchInfo: row[8].text)
            }
        }
    }

    /// Puts dead letters back in the queue as new events (same request id, fresh age and attempts):
    /// the one with `id`, or every one (of `function`, when given). Returns the ids replayed.
    public func replayDeadLetters(id: Int64? = nil, function: String? = nil) async throws -> [Int64] {
        try await perform { database in
            try database.transaction {
                var sql = "SELECT id, function, request_id, payload, client_context FROM dead_letters"
                var parameters: [SQLiteValue] = []
                if let id {
                    sql += " WHERE id = ?"
                    parameters.append(.integer(id))
                } else if let function {
                    sql += " WHERE function = ?"
                    parameters.append(.text(function))
                }
                var replayed: [Int64] = []
                for row in try database.query(sql + " ORDER BY id", parameters) {
                    let request = InvocationRequest(
                        requestID: row[2].text ?? "", payload: row[3].bytes, clientContext: row[4].text)
                    _ = try Self.insert(function: row[1].text ?? "", request: request, at: Date(), database)
                    try database.query("DELETE FROM dead_letters WHERE id = ?", [row[0]])
                    replayed.append(row[0].integer ?? 0)
                }
                return replayed
            }
        }
    }

    /// The number of events not yet run.
    public func pendingCount() async throws -> Int {
        try await perform { database in
            Int(try database.query("SELECT COUNT(*) FROM pending_events").first?[0].integer ?? 0)
        }
    }

    private static func event(_ row: [SQLiteValue]) -> StoredEvent {
        StoredEvent(
            id: row[0].integer ?? 0, function: row[1].text ?? "",
            request: InvocationRequest(requestID: row[2].text ?? "", payload: row[3].bytes, clientContext: row[4].text),
            attempts: Int(row[5].integer ?? 0), enqueuedAt: Date(timeIntervalSince1970: row[6].real ?? 0),
            lastError: row[7] == .null ? nil : row[7].bytes)
    }
}
