import Foundation
import Logging
import SQLiteSupport

/// The event source mappings and where each stands in its stream, in `<data-dir>/event-sources.sqlite` (WAL,
/// synchronous FULL, every statement on one dedicated thread). A shard's position (the last sequence number
/// done, NULL for its start) is written only after the batch that reaches it succeeded or was given up, so a
/// restart resumes right after it: a batch in flight when the process died runs again (at least once), and no
/// record is skipped.
final class EventSourceStore: Sendable {
    /// The connection, only ever touched on `thread`.
    private final class Connection: @unchecked Sendable {
        let database: SQLiteConnection
        init(_ database: SQLiteConnection) { self.database = database }
    }

    private let connection: Connection
    private let thread = SerialIOThread(name: "event-sources-sqlite")

    init(path: String) throws {
        let database = try SQLiteConnection(path: path, logger: Logger(label: "lambda-emulator.event-sources"))
        try database.useWriteAheadLog(synchronous: .full)
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS mappings(uuid TEXT PRIMARY KEY, definition BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS positions(
                uuid TEXT NOT NULL, stream_arn TEXT NOT NULL, shard_id TEXT NOT NULL, sequence TEXT,
                PRIMARY KEY(uuid, stream_arn, shard_id));
            """)
        connection = Connection(database)
    }

    @discardableResult
    private func perform<T: Sendable>(_ work: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        let connection = connection
        return try await thread.run { try work(connection.database) }
    }

    /// Every stored mapping.
    func mappings() async throws -> [EventSourceMapping] {
        let rows = try await perform { database in try database.query("SELECT definition FROM mappings") }
        let decoder = JSONDecoder()
        return try rows.map { row in try decoder.decode(EventSourceMapping.self, from: Data(row[0].bytes)) }
    }

    func save(_ mapping: EventSourceMapping) async throws {
        let definition = Array(try JSONEncoder().encode(mapping))
        try await perform { database in
            try database.query(
                "INSERT OR REPLACE INTO mappings(uuid, definition) VALUES (?, ?)",
                [.text(mapping.uuid), .blob(definition)])
        }
    }

    /// Removes a mapping and its positions.
    func delete(uuid: String) async throws {
        try await perform { database in
            try database.transaction {
                try database.query("DELETE FROM mappings WHERE uuid = ?", [.text(uuid)])
                try database.query("DELETE FROM positions WHERE uuid = ?", [.text(uuid)])
            }
        }
    }

    /// The positions a mapping holds on a stream, by shard id (a nil value: the shard's start); empty when it
    /// never read this stream.
    func positions(uuid: String, stream: String) async throws -> [String: String?] {
        try await perform { database in
            var positions: [String: String?] = [:]
            for row in try database.query(
                "SELECT shard_id, sequence FROM positions WHERE uuid = ? AND stream_arn = ?",
                [.text(uuid), .text(stream)])
            {
                positions[row[0].text ?? ""] = .some(row[1].text)
            }
            return positions
        }
    }

    /// Replaces every position of a mapping (it starts on a stream), in one commit.
    func resetPositions(uuid: String, stream: String, _ positions: [String: String?]) async throws {
        try await perform { database in
            try database.transaction {
                try database.query("DELETE FROM positions WHERE uuid = ?", [.text(uuid)])
                for (shard, sequence) in positions {
                    try database.query(
                        "INSERT INTO positions(uuid, stream_arn, shard_id, sequence) VALUES (?, ?, ?, ?)",
                        [.text(uuid), .text(stream), .text(shard), sequence.map { .text($0) } ?? .null])
                }
            }
        }
    }

    /// Records that a shard is done through `sequence`.
    func setPosition(uuid: String, stream: String, shard: String, sequence: String) async throws {
        try await perform { database in
            try database.query(
                "INSERT OR REPLACE INTO positions(uuid, stream_arn, shard_id, sequence) VALUES (?, ?, ?, ?)",
                [.text(uuid), .text(stream), .text(shard), .text(sequence)])
        }
    }
}
