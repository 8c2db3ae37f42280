import BuildingBlocks
import Foundation
import SQLiteSupport

/// A table's stream: where its change records go and which images they carry.
public struct StreamDescriptor: Sendable, Equatable {
    public var arn: String
    public var tableName: String
    public var label: String
    public var viewType: String
    public var created: Double
    /// The first sequence number the stream's one shard can hold.
    public var startSequence: Int64
    /// When the stream stopped recording (UpdateTable disabled it, or the table was deleted); nil while it records.
    public var disabled: Double?
    /// The table's KeySchema as DescribeTable shows it.
    public var keySchema: JSON

    public var isEnabled: Bool { disabled == nil }
}

/// DynamoDB Streams' limits.
enum StreamRules {
    /// Records, and streams disabled, are kept 24 hours.
    static let retention: Double = 24 * 3600
    /// A shard iterator is valid for 15 minutes.
    static let iteratorLifetime: Double = 15 * 60
    /// The open shard rolls over to a child after four hours (DynamoDB's usual, undocumented, period).
    static let shardLifetime: Double = 4 * 3600
    static let viewTypes = ["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"]
    static let region = "us-east-1"
    /// GetRecords answers at most 1 MB.
    static let maximumResponseBytes = 1024 * 1024
}

/// Streams in SQLite: one row per stream, and its change records in `stream_log`, written in the transaction (or
/// savepoint) of the item change they describe, so a record exists exactly when its change does.
///
/// `stream_log` is keyed by (stream ARN, sequence number) without a rowid: one B-tree, so appending a record
/// writes one more page per commit, not three (a rowid table, an index by stream and AUTOINCREMENT's counter),
/// which keeps a write to a table with a stream about as cheap as one without. Sequence numbers are global and
/// only grow: `lastIssuedSequence` is kept in memory, found again at startup from the records, shards and
/// streams, and from `stream_state.last_sequence`, which every trim stores before it deletes records.
extension Storage {
    static let streamSchema = """
        CREATE TABLE IF NOT EXISTS streams(
            arn TEXT PRIMARY KEY, table_name TEXT NOT NULL, tid INTEGER NOT NULL, label TEXT NOT NULL,
            view_type TEXT NOT NULL, key_schema BLOB NOT NULL, created REAL NOT NULL, start_seq INTEGER NOT NULL,
            disabled REAL);
        CREATE TABLE IF NOT EXISTS stream_log(
            arn TEXT NOT NULL, seq INTEGER NOT NULL, created REAL NOT NULL, record BLOB NOT NULL,
            PRIMARY KEY(arn, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS stream_state(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        """ + shardSchema

    /// Moves the records of a store written before `stream_log` existed (an AUTOINCREMENT `stream_records` table)
    /// into it, keeping their sequence numbers and the counter's value.
    func migrateStreamRecords() throws {
        let old = try database.statement(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'stream_records'")
        _ = try old.step()
        let exists = old.int64(0) > 0
        old.reset()
        guard exists else { return }
        try database.execute(
            """
            BEGIN IMMEDIATE;
            INSERT OR IGNORE INTO stream_log(arn, seq, created, record)
                SELECT arn, seq, created, record FROM stream_records;
            INSERT OR REPLACE INTO stream_state(name, value)
                SELECT 'last_sequence', MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'stream_records'), 0),
                    COALESCE((SELECT value FROM stream_state WHERE name = 'last_sequence'), 0));
            DROP TABLE stream_records;
            COMMIT;
            """)
    }

    /// The highest sequence number ever issued: of the records kept, the shards, the streams' starts, and the value
    /// the last trim stored.
    func highestSequence() throws -> Int64 {
        let statement = try database.statement(
            """
            SELECT MAX(COALESCE((SELECT MAX(seq) FROM stream_log), 0),
                COALESCE((SELECT MAX(end_seq) FROM stream_shards), 0),
                COALESCE((SELECT MAX(start_seq) - 1 FROM streams), 0),
                COALESCE((SELECT value FROM stream_state WHERE name = 'last_sequence'), 0))
            """)
        defer { statement.reset() }
        _ = try statement.step()
        return statement.int64(0)
    }

    private static let streamColumns =
        "arn, table_name, label, view_type, key_schema, created, start_seq, disabled, tid"

    private static func descriptor(_ row: SQLiteStatement) throws(DynamoError) -> StreamDescriptor {
        let keySchema: JSON
        do {
            keySchema = try JSON.parse(row.blob(4))
        } catch {
            throw DynamoError(.internalServerError, "stored stream \(row.text(0) ?? "") is corrupt")
        }
        return StreamDescriptor(
            arn: row.text(0) ?? "", tableName: row.text(1) ?? "", label: row.text(2) ?? "",
            viewType: row.text(3) ?? "", created: row.double(5), startSequence: row.int64(6),
            disabled: row.isNull(7) ? nil : row.double(7), keySchema: keySchema)
    }

    /// Every stream still kept (enabled, or disabled less than 24 hours ago), ordered by ARN.
    func streams() throws(DynamoError) -> [StreamDescriptor] {
        var found: [StreamDescriptor] = []
        try forEachRow(sql: "SELECT \(Storage.streamColumns) FROM streams ORDER BY arn", binds: []) {
            (row: SQLiteStatement) throws(DynamoError) -> Bool in
            found.append(try Storage.descriptor(row))
            return true
        }
        return found
    }

    func stream(arn: String) throws(DynamoError) -> StreamDescriptor? {
        var found: StreamDescriptor?
        try forEachRow(sql: "SELECT \(Storage.streamColumns) FROM streams WHERE arn = ?", binds: [.text(arn)]) {
            (row: SQLiteStatement) throws(DynamoError) -> Bool in
            found = try Storage.descriptor(row)
            return false
        }
        return found
    }

    /// The latest stream of each live table, keyed by table name (for the catalog at startup).
    func latestStreams() throws(DynamoError) -> [String: StreamDescriptor] {
        var latest: [String: StreamDescriptor] = [:]
        try forEachRow(sql: "SELECT \(Storage.streamColumns) FROM streams ORDER BY created", binds: []) {
            (row: SQLiteStatement) throws(DynamoError) -> Bool in
            let stream = try Storage.descriptor(row)
            // A stream's creation time is kept in whole milliseconds; a table's is not, and a stream created with
            // its table (CreateTable) may carry the same instant rounded down.
            let tableCreated = tables[stream.tableName].map { ($0.created * 1000).rounded(.down) / 1000 }
            if let table = tables[stream.tableName], let tableCreated, table.id == row.int64(8),
                stream.created >= tableCreated
            {
                latest[stream.tableName] = stream
            }
            return true
        }
        return latest
    }

    /// Starts a new stream on `table` (enabling creates a new ARN, as on AWS); call inside a transaction.
    func createStream(_ table: TableDefinition, viewType: String) throws(DynamoError) -> StreamDescriptor {
        var created = (clock.now.secondsSinceEpoch * 1000).rounded(.down) / 1000
        var label = StreamNames.label(created)
        // Two streams of one table within a millisecond (a manual clock) still get distinct ARNs.
        while try stream(arn: StreamNames.arn(table, label: label)) != nil {
            created += 0.001
            label = StreamNames.label(created)
        }
        let arn = StreamNames.arn(table, label: label)
        let start = lastIssuedSequence + 1
        let stream = StreamDescriptor(
            arn: arn, tableName: table.name, label: label, viewType: viewType, created: created,
            startSequence: start, disabled: nil, keySchema: table.key.json)
        try Storage.wrap {
            try database.statement(
                """
                INSERT INTO streams(arn, table_name, tid, label, view_type, key_schema, created, start_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
            ).bind(
                .text(arn), .text(table.name), .integer(table.id), .text(label), .text(viewType),
                .blob(stream.keySchema.serialized()), .real(created), .integer(start)
            ).run()
        }
        try openShard(arn: arn, parent: nil, start: start, created: created)
        return stream
    }

    /// Stops a stream recording; its records stay readable for 24 hours.
    func disableStream(arn: String, at time: Double) throws(DynamoError) {
        try Storage.wrap {
            try database.statement("UPDATE streams SET disabled = ? WHERE arn = ? AND disabled IS NULL")
                .bind(.real(time), .text(arn)).run()
        }
        _ = try closeOpenShard(arn: arn)
    }

    /// Appends the change record for one item change, in the caller's transaction; a write that changes
    /// nothing, or a table without an enabled stream, records nothing.
    /// `encodedNew` is `new` already encoded by the caller (it is not encoded twice).
    func recordChange(
        _ table: TableDefinition, old: Item?, new: Item?, encodedNew: JSON? = nil, byService: Bool = false
    ) throws(DynamoError) {
        guard let stream = table.latestStream, stream.isEnabled, old != nil || new != nil, old != new else { return }
        let now = clock.now.secondsSinceEpoch
        try rollOverIfDue(arn: stream.arn, now: now)
        let record = StreamRecords.stored(
            stream: stream, key: table.key, old: old, new: new, encodedNew: encodedNew, now: now, byService: byService)
        // A number issued to a write that is rolled back is never reused: a gap, as sequence numbers may have.
        let sequence = lastIssuedSequence + 1
        lastIssuedSequence = sequence
        try Storage.wrap {
            try database.statement("INSERT INTO stream_log(arn, seq, created, record) VALUES (?, ?, ?, ?)")
                .bind(.text(stream.arn), .integer(sequence), .real(now), .blob(record.serialized())).run()
        }
    }

    /// Up to `limit` records of a stream after sequence number `after` and up to `through`, oldest first.
    func streamRecords(arn: String, after: Int64, through: Int64, limit: Int) throws(DynamoError) -> [(
        sequence: Int64, record: JSON
    )] {
        var records: [(Int64, JSON)] = []
        try forEachRow(
            sql: "SELECT seq, record FROM stream_log WHERE arn = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
            binds: [.text(arn), .integer(after), .integer(through), .integer(Int64(limit))]
        ) { (row: SQLiteStatement) throws(DynamoError) -> Bool in
            do {
                records.append((row.int64(0), try JSON.parse(row.blob(1))))
            } catch {
                throw DynamoError(.internalServerError, "stored stream record \(row.int64(0)) of \(arn) is corrupt")
            }
            return true
        }
        return records
    }

    /// The highest sequence number a stream holds, or nil when it holds none.
    func lastSequence(arn: String) throws(DynamoError) -> Int64? {
        try Storage.wrap { () throws -> Int64? in
            let statement = try database.statement("SELECT MAX(seq) FROM stream_log WHERE arn = ?")
            try statement.bind(.text(arn))
            defer { statement.reset() }
            _ = try statement.step()
            return statement.isNull(0) ? nil : statement.int64(0)
        }
    }

    /// Drops records older than 24 hours (from each stream's oldest, at most 1,000 a stream a call) and streams
    /// disabled more than 24 hours ago with their records; call inside a transaction. The sequence counter is stored
    /// first, so deleting the newest records never lets a number be issued twice.
    func trimStreams(now: Double) throws(DynamoError) {
        let cutoff = now - StreamRules.retention
        let arns = try streams().map(\.arn)
        try Storage.wrap {
            try database.statement("INSERT OR REPLACE INTO stream_state(name, value) VALUES ('last_sequence', ?)")
                .bind(.integer(lastIssuedSequence)).run()
            for arn in arns {
                try database.statement(
                    """
                    DELETE FROM stream_log WHERE arn = ? AND created < ?
                    AND seq IN (SELECT seq FROM stream_log WHERE arn = ? ORDER BY seq LIMIT 1000)
                    """
                ).bind(.text(arn), .real(cutoff), .text(arn)).run()
            }
            try database.statement(
                """
                DELETE FROM stream_log WHERE arn IN
                (SELECT arn FROM streams WHERE disabled IS NOT NULL AND disabled < ?)
                """
            ).bind(.real(cutoff)).run()
            try database.statement("DELETE FROM streams WHERE disabled IS NOT NULL AND disabled < ?")
                .bind(.real(cutoff)).run()
        }
        try trimShards(before: cutoff)
    }
}
