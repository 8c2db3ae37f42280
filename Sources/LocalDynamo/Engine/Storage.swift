import BuildingBlocks
import Logging
import SQLiteSupport

/// Tables and items in SQLite: a catalog table, one items table keyed by (table id, partition, sort),
/// index entries for secondary indexes, and an indexed expiry column for the TTL sweeper.
///
/// Durability: WAL journal with `synchronous=NORMAL`. A commit appends its frames to the WAL with
/// write(2) before the call returns, so an acknowledged write survives the server being killed (even
/// `kill -9`): the data is in the kernel's page cache and the next open replays the WAL. Only a power
/// loss or kernel crash could drop the last few commits, which `synchronous=FULL` would prevent at the
/// cost of one fsync per write; for a local development emulator that trade is the right one.
/// Checkpoints (which do fsync) run off the request path on a second connection (`WALCheckpointer`);
/// the automatic checkpoint is only a fallback for embedders that never run one.
final class Storage {
    let database: SQLiteConnection
    private(set) var tables: [String: TableDefinition] = [:]
    let idempotency = IdempotencyTokens()
    /// The time stream records and stream labels carry.
    let clock: any WallClock
    /// The highest stream sequence number issued so far (records take the next one); see `StreamStore.swift`.
    var lastIssuedSequence: Int64 = 0
    /// Per stream ARN, when its open shard is due to roll over, so most records skip that check's query; forgotten
    /// whenever a transaction or savepoint rolls back (the shards it changed are undone with it).
    var shardRolloverDue: [String: Double] = [:]

    /// Opens or creates the store at `path`, or an in-memory store when nil.
    init(path: String?, clock: any WallClock = SystemWallClock()) throws(DynamoError) {
        self.clock = clock
        do {
            database = try SQLiteConnection(path: path, logger: Logger(label: "localdynamo.sqlite"))
            if path != nil {
                try database.useWriteAheadLog(synchronous: .normal)
            } else {
                try database.execute("PRAGMA synchronous=NORMAL")
            }
            try database.execute(
                """
                PRAGMA wal_autocheckpoint=20000;
                PRAGMA foreign_keys=OFF;
                CREATE TABLE IF NOT EXISTS tables(
                    name TEXT PRIMARY KEY, id INTEGER NOT NULL UNIQUE, request BLOB NOT NULL,
                    created REAL NOT NULL, ttl_attribute TEXT);
                CREATE TABLE IF NOT EXISTS items(
                    tid INTEGER NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL, item BLOB NOT NULL,
                    size INTEGER NOT NULL, expiry REAL, PRIMARY KEY(tid, pk, sk)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS items_expiry ON items(expiry) WHERE expiry IS NOT NULL;
                CREATE TABLE IF NOT EXISTS index_entries(
                    tid INTEGER NOT NULL, idx TEXT NOT NULL, ipk BLOB NOT NULL, isk BLOB NOT NULL,
                    pk BLOB NOT NULL, sk BLOB NOT NULL, PRIMARY KEY(tid, idx, ipk, isk, pk, sk)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS index_entries_by_item ON index_entries(tid, pk, sk);
                """)
            let rows = try database.statement("SELECT name, id, request, created, ttl_attribute FROM tables")
            while try rows.step() {
                let request = try JSON.parse(rows.blob(2)).objectValue ?? [:]
                var definition = try TableDefinition.validated(
                    from: request, id: rows.int64(1), created: rows.double(3))
                definition.ttlAttribute = rows.text(4)
                tables[definition.name] = definition
            }
            try database.execute(Storage.streamSchema)
            try migrateStreamRecords()
            lastIssuedSequence = try highestSequence()
            for (name, stream) in try latestStreams() { tables[name]?.latestStream = stream }
        } catch let error as DynamoError {
            throw error
        } catch {
            throw DynamoError(.internalServerError, "cannot open the LocalDynamo store: \(error)")
        }
    }

    static func wrap<T>(_ body: () throws -> T) throws(DynamoError) -> T {
        do {
            return try body()
        } catch let error as DynamoError {
            throw error
        } catch {
            throw DynamoError(.internalServerError, "storage failure: \(error)")
        }
    }

    /// SQLite's own failures (BEGIN, COMMIT, a savepoint) as the engine reports them.
    static func storageFailure(_ error: SQLiteError) -> DynamoError {
        DynamoError(.internalServerError, "storage failure: \(error)")
    }

    /// Runs `body` in one SQLite transaction: all of its writes commit together or none do.
    /// Inside a group commit (`groupCommit`) it is a savepoint instead, so a failing request undoes only itself.
    func transaction<T>(_ body: () throws(DynamoError) -> T) throws(DynamoError) -> T {
        do throws(DynamoError) {
            if inGroupCommit { return try database.savepoint("request", Storage.storageFailure, body) }
            return try database.transaction(Storage.storageFailure, body)
        } catch {
            // The shards the rolled-back writes changed are undone with them.
            shardRolloverDue.removeAll()
            throw error
        }
    }

    private var inGroupCommit = false

    /// Runs several requests' item operations in one SQLite transaction (one WAL commit for all of them).
    /// Fails, having written nothing, when the transaction could not begin or commit; only a success may be
    /// acknowledged.
    func groupCommit<T>(_ body: () -> T) -> Result<T, DynamoError> {
        do throws(DynamoError) {
            let value = try database.transaction(Storage.storageFailure) { () throws(DynamoError) -> T in
                inGroupCommit = true
                defer { inGroupCommit = false }
                return body()
            }
            return .success(value)
        } catch {
            shardRolloverDue.removeAll()
            return .failure(error)
        }
    }

    func table(_ name: String) throws(DynamoError) -> TableDefinition {
        guard let table = tables[name] else { throw .tableNotFound() }
        return table
    }

    // MARK: Catalog

    func createTable(_ definition: TableDefinition) throws(DynamoError) {
        try Storage.wrap {
            try database.statement("INSERT INTO tables(name, id, request, created) VALUES (?, ?, ?, ?)")
                .bind(
                    .text(definition.name), .integer(definition.id),
                    .blob(JSON.object(definition.request).serialized()),
                    .real(definition.created)
                ).run()
        }
        tables[definition.name] = definition
    }

    func nextTableID() throws(DynamoError) -> Int64 {
        try Storage.wrap { () throws -> Int64 in
            let statement = try database.statement("SELECT COALESCE(MAX(id), 0) + 1 FROM tables")
            defer { statement.reset() }
            _ = try statement.step()
            return statement.int64(0)
        }
    }

    func deleteTable(_ definition: TableDefinition) throws(DynamoError) {
        try transaction { () throws(DynamoError) in
            try Storage.wrap {
                try database.statement("DELETE FROM items WHERE tid = ?").bind(.integer(definition.id)).run()
                try database.statement("DELETE FROM index_entries WHERE tid = ?").bind(.integer(definition.id)).run()
                try database.statement("DELETE FROM tables WHERE id = ?").bind(.integer(definition.id)).run()
            }
            // The stream outlives its table by 24 hours, disabled, as on AWS.
            if let stream = definition.latestStream, stream.isEnabled {
                try disableStream(arn: stream.arn, at: clock.now.secondsSinceEpoch)
            }
        }
        tables[definition.name] = nil
    }

    /// Replaces a table's definition (UpdateTable, tags): the stored request and the in-memory catalog entry.
    func replaceDefinition(_ definition: TableDefinition) throws(DynamoError) {
        try Storage.wrap {
            try database.statement("UPDATE tables SET request = ? WHERE id = ?")
                .bind(.blob(JSON.object(definition.request).serialized()), .integer(definition.id)).run()
        }
        tables[definition.name] = definition
    }

    /// Records the TTL attribute (nil disables) and recomputes every item's expiry column.
    func setTimeToLive(table name: String, attribute: String?) throws(DynamoError) {
        guard var definition = tables[name] else { throw .tableNotFound() }
        definition.ttlAttribute = attribute
        try transaction { () throws(DynamoError) in
            try Storage.wrap {
                try database.statement("UPDATE tables SET ttl_attribute = ? WHERE id = ?")
                    .bind(attribute.map { .text($0) } ?? .null, .integer(definition.id)).run()
                try database.statement("UPDATE items SET expiry = NULL WHERE tid = ?").bind(.integer(definition.id))
                    .run()
            }
            guard attribute != nil else { return }
            let updates = try itemKeys(of: definition.id) { Storage.expiry(of: $0, attribute: attribute) }
            for (key, expiry) in updates {
                try Storage.wrap {
                    try database.statement("UPDATE items SET expiry = ? WHERE tid = ? AND pk = ? AND sk = ?")
                        .bind(.real(expiry), .integer(definition.id), .blob(key.partition), .blob(key.sort)).run()
                }
            }
        }
        tables[name] = definition
    }

    /// (item count, total item bytes) of a table.
    func statistics(of table: TableDefinition) throws(DynamoError) -> (count: Int, bytes: Int) {
        try Storage.wrap {
            let statement = try database.statement("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM items WHERE tid = ?")
            try statement.bind(.integer(table.id))
            defer { statement.reset() }
            _ = try statement.step()
            return (Int(statement.int64(0)), Int(statement.int64(1)))
        }
    }

    // MARK: Items

    static func decode(_ bytes: [UInt8]) throws(DynamoError) -> Item {
        do {
            return try AttributeValue.decode(item: JSON.parse(bytes))
        } catch {
            throw DynamoError(.internalServerError, "stored item is corrupt")
        }
    }

    static func expiry(of item: Item, attribute: String?) -> Double? {
        guard let attribute, case .number(let number)? = item[attribute] else { return nil }
        return number.doubleValue
    }

    func get(_ table: TableDefinition, key: StoredKey) throws(DynamoError) -> Item? {
        let bytes: [UInt8]? = try Storage.wrap {
            let statement = try database.statement("SELECT item FROM items WHERE tid = ? AND pk = ? AND sk = ?")
            try statement.bind(.integer(table.id), .blob(key.partition), .blob(key.sort))
            // Reset at once so no read snapshot stays open between requests (it would hold back WAL checkpoints).
            defer { statement.reset() }
            guard try statement.step() else { return nil }
            return statement.blob(0)
        }
        guard let bytes else { return nil }
        return try Storage.decode(bytes)
    }

    /// Writes `item` under `key`, replacing `old` (the stored item, or nil when there is none or the caller did
    /// not read it because the table has neither indexes nor a stream) and its index entries, and records
    /// the change on the table's stream.
    func put(_ table: TableDefinition, key: StoredKey, item: Item, size: Int, old: Item?) throws(DynamoError) {
        let hadOld = old != nil
        let expiry = Storage.expiry(of: item, attribute: table.ttlAttribute)
        let encoded = AttributeValue.encode(item: item)
        try Storage.wrap {
            try database.statement(
                "INSERT OR REPLACE INTO items(tid, pk, sk, item, size, expiry) VALUES (?, ?, ?, ?, ?, ?)"
            ).bind(
                .integer(table.id), .blob(key.partition), .blob(key.sort),
                .blob(encoded.serialized()), .integer(Int64(size)),
                expiry.map { .real($0) } ?? .null
            ).run()
            guard !table.indexes.isEmpty else { return }
            if hadOld { try deleteIndexEntries(table, key: key) }
            for index in table.indexes {
                guard let indexKey = Storage.indexKey(of: item, index: index) else { continue }
                try insertIndexEntry(table, index: index, indexKey: indexKey, key: key)
            }
        }
        try recordChange(table, old: old, new: item, encodedNew: encoded)
    }

    /// Deletes the item under `key` (`old` is the stored item, read by callers whose table has a stream) and
    /// records the removal on the table's stream; `byService` marks a TTL deletion.
    func delete(_ table: TableDefinition, key: StoredKey, old: Item?, byService: Bool = false) throws(DynamoError) {
        try Storage.wrap {
            try database.statement("DELETE FROM items WHERE tid = ? AND pk = ? AND sk = ?")
                .bind(.integer(table.id), .blob(key.partition), .blob(key.sort)).run()
            if !table.indexes.isEmpty { try deleteIndexEntries(table, key: key) }
        }
        try recordChange(table, old: old, new: nil, byService: byService)
    }

    /// Files the item under `key` in `index` at `indexKey`.
    func insertIndexEntry(_ table: TableDefinition, index: IndexDefinition, indexKey: StoredKey, key: StoredKey)
        throws
    {
        try database.statement(
            "INSERT OR REPLACE INTO index_entries(tid, idx, ipk, isk, pk, sk) VALUES (?, ?, ?, ?, ?, ?)"
        ).bind(
            .integer(table.id), .text(index.name), .blob(indexKey.partition), .blob(indexKey.sort),
            .blob(key.partition), .blob(key.sort)
        ).run()
    }

    private func deleteIndexEntries(_ table: TableDefinition, key: StoredKey) throws {
        try database.statement("DELETE FROM index_entries WHERE tid = ? AND pk = ? AND sk = ?")
            .bind(.integer(table.id), .blob(key.partition), .blob(key.sort)).run()
    }

    /// The index key of an item, or nil when the item lacks it (indexes are sparse).
    static func indexKey(of item: Item, index: IndexDefinition) -> StoredKey? {
        if index.key.isComposite {
            guard let partition = KeyEncoding.tuple(index.key.hashAttributes, of: item),
                let sort = KeyEncoding.tuple(index.key.rangeAttributes, of: item)
            else { return nil }
            return StoredKey(partition: partition, sort: sort)
        }
        guard let hashValue = item[index.key.hash.name],
            let partition = KeyEncoding.encode(hashValue, as: index.key.hash.type)
        else { return nil }
        var sort: [UInt8] = []
        if let range = index.key.range {
            guard let rangeValue = item[range.name], let encoded = KeyEncoding.encode(rangeValue, as: range.type)
            else { return nil }
            sort = encoded
        }
        return StoredKey(partition: partition, sort: sort)
    }

    /// Steps through the rows of a query; `each` returns false to stop early.
    func forEachRow(
        sql: String, binds: [SQLiteValue], _ each: (SQLiteStatement) throws(DynamoError) -> Bool
    ) throws(DynamoError) {
        let statement = try Storage.wrap { try database.statement(sql) }
        try Storage.wrap { _ = try statement.bind(binds) }
        defer { statement.reset() }
        while try Storage.wrap({ try statement.step() }) {
            guard try each(statement) else { return }
        }
    }

    /// Every item of table `tableID` for which `derive` gives a value, with its key.
    func itemKeys<Value>(
        of tableID: Int64, _ derive: (Item) -> Value?
    ) throws(DynamoError) -> [(StoredKey, Value)] {
        var found: [(StoredKey, Value)] = []
        try forEachRow(
            sql: "SELECT pk, sk, item FROM items WHERE tid = ?", binds: [.integer(tableID)]
        ) { (row: SQLiteStatement) throws(DynamoError) -> Bool in
            if let value = derive(try Storage.decode(row.blob(2))) {
                found.append((StoredKey(partition: row.blob(0), sort: row.blob(1)), value))
            }
            return true
        }
        return found
    }

    // MARK: TTL

    /// Keys of items whose expiry lies in [now - 5 years, now): an index range scan over expired items only.
    func expiredKeys(now: Double, limit: Int) throws(DynamoError) -> [(tableID: Int64, key: StoredKey)] {
        var keys: [(Int64, StoredKey)] = []
        try forEachRow(
            sql: "SELECT tid, pk, sk FROM items WHERE expiry IS NOT NULL AND expiry >= ? AND expiry < ? LIMIT ?",
            binds: [.real(now - TTLRules.maximumAge), .real(now), .integer(Int64(limit))]
        ) { (row: SQLiteStatement) throws(DynamoError) -> Bool in
            keys.append((row.int64(0), StoredKey(partition: row.blob(1), sort: row.blob(2))))
            return true
        }
        return keys
    }

    func table(id: Int64) -> TableDefinition? { tables.values.first { $0.id == id } }
}

/// AWS's TTL eligibility rules.
enum TTLRules {
    /// Values more than five years in the past are ignored (never deleted).
    static let maximumAge: Double = 5 * 365 * 24 * 3600
}
