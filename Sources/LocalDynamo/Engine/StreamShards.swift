import SQLiteSupport

/// One shard of a stream: the records numbered `start` through `end` (open, and growing, while `end` is nil).
struct StreamShard: Equatable {
    let id: String
    let parent: String?
    let start: Int64
    let end: Int64?
    let created: Double
}

/// A stream's shards in SQLite. The open shard rolls over to a child (ParentShardId pointing back) once it
/// is four hours old and holds a record, as DynamoDB's shards do, so readers that follow lineage work.
/// Shards are sequence-number ranges, so records need no shard column and a rollover is two small writes
/// in the transaction of the record that triggers it.
extension Storage {
    static let shardSchema = """
        CREATE TABLE IF NOT EXISTS stream_shards(
            arn TEXT NOT NULL, shard_id TEXT NOT NULL, parent TEXT, start_seq INTEGER NOT NULL, end_seq INTEGER,
            created REAL NOT NULL, PRIMARY KEY(arn, shard_id));
        """

    private static func shard(_ row: SQLiteStatement) -> StreamShard {
        StreamShard(
            id: row.text(0) ?? "", parent: row.text(1), start: row.int64(2), end: row.isNull(3) ? nil : row.int64(3),
            created: row.double(4))
    }

    private static let shardColumns = "shard_id, parent, start_seq, end_seq, created"

    /// A stream's shards, oldest first.
    func shards(arn: String) throws(DynamoError) -> [StreamShard] {
        var found: [StreamShard] = []
        try forEachRow(
            sql: "SELECT \(Storage.shardColumns) FROM stream_shards WHERE arn = ? ORDER BY start_seq, created",
            binds: [.text(arn)]
        ) { (row: SQLiteStatement) throws(DynamoError) -> Bool in
            found.append(Storage.shard(row))
            return true
        }
        return found
    }

    func shard(arn: String, id: String) throws(DynamoError) -> StreamShard? {
        var found: StreamShard?
        try forEachRow(
            sql: "SELECT \(Storage.shardColumns) FROM stream_shards WHERE arn = ? AND shard_id = ?",
            binds: [.text(arn), .text(id)]
        ) { (row: SQLiteStatement) throws(DynamoError) -> Bool in
            found = Storage.shard(row)
            return false
        }
        return found
    }

    private func openShard(arn: String) throws(DynamoError) -> StreamShard? {
        var found: StreamShard?
        try forEachRow(
            sql: "SELECT \(Storage.shardColumns) FROM stream_shards WHERE arn = ? AND end_seq IS NULL",
            binds: [.text(arn)]
        ) { (row: SQLiteStatement) throws(DynamoError) -> Bool in
            found = Storage.shard(row)
            return false
        }
        return found
    }

    /// Opens a shard starting at sequence number `start`; call inside a transaction.
    func openShard(arn: String, parent: String?, start: Int64, created: Double) throws(DynamoError) {
        let millis = String(Int64(created * 1000)).leftPadded(to: 20)
        let suffix = String(StreamNames.hash("\(arn)#\(start)") & 0xFFFF_FFFF, radix: 16).leftPadded(to: 8)
        try Storage.wrap {
            try database.statement(
                "INSERT INTO stream_shards(arn, shard_id, parent, start_seq, created) VALUES (?, ?, ?, ?, ?)"
            ).bind(
                .text(arn), .text("shardId-\(millis)-\(suffix)"), parent.map { .text($0) } ?? .null, .integer(start),
                .real(created)
            ).run()
        }
    }

    /// Closes the open shard at the stream's last record (a disabled stream's shard, or a rollover).
    func closeOpenShard(arn: String) throws(DynamoError) -> (closed: StreamShard, end: Int64)? {
        shardRolloverDue[arn] = nil
        guard let open = try openShard(arn: arn) else { return nil }
        let end = try lastSequence(arn: arn) ?? (open.start - 1)
        try Storage.wrap {
            try database.statement("UPDATE stream_shards SET end_seq = ? WHERE arn = ? AND shard_id = ?")
                .bind(.integer(end), .text(arn), .text(open.id)).run()
        }
        return (open, end)
    }

    /// Before a record is appended: rolls the open shard over to a child when it is due.
    func rollOverIfDue(arn: String, now: Double) throws(DynamoError) {
        if let due = shardRolloverDue[arn], now < due { return }
        guard let open = try openShard(arn: arn) else { return }
        shardRolloverDue[arn] = open.created + StreamRules.shardLifetime
        guard now - open.created >= StreamRules.shardLifetime, let last = try lastSequence(arn: arn),
            last >= open.start
        else { return }
        _ = try closeOpenShard(arn: arn)
        try openShard(arn: arn, parent: open.id, start: last + 1, created: now)
        shardRolloverDue[arn] = now + StreamRules.shardLifetime
    }

    /// Drops closed shards whose records have all been trimmed, and the shards of dropped streams.
    func trimShards(before cutoff: Double) throws(DynamoError) {
        try Storage.wrap {
            try database.statement(
                """
                DELETE FROM stream_shards WHERE end_seq IS NOT NULL AND created < ? AND NOT EXISTS
                (SELECT 1 FROM stream_log r WHERE r.arn = stream_shards.arn
                AND r.seq BETWEEN stream_shards.start_seq AND stream_shards.end_seq)
                """
            ).bind(.real(cutoff)).run()
            try database.statement("DELETE FROM stream_shards WHERE arn NOT IN (SELECT arn FROM streams)").run()
        }
    }
}
