import SQLiteSupport

/// The rows a Query or Scan page read: kept items, rows scanned, their bytes, and where the page stopped.
struct ReadResult {
    var items: [Item]
    var scanned: Int
    var bytes: Int
    var lastKey: Item?
}

/// What Query and Scan share: index resolution, Select, ExclusiveStartKey, paging by Limit and 1 MB, filters.
enum ReadSupport {
    static let pageBytes = 1_048_576

    /// A read source: the table itself or one of its indexes.
    struct Source {
        let table: TableDefinition
        let index: IndexDefinition?

        var key: KeySchema { index?.key ?? table.key }

        /// The attributes of LastEvaluatedKey: the table key, plus the index key for index reads.
        func lastKey(of item: Item) -> Item {
            var key = ItemSupport.keyAttributes(of: item, schema: table.key)
            if let index { key.merge(ItemSupport.keyAttributes(of: item, schema: index.key)) { first, _ in first } }
            return key
        }

        /// What a read through this source can see of an item.
        func visible(_ item: Item) -> Item { index?.project(item, tableKey: table.key) ?? item }
    }

    static func source(_ request: RequestReader, _ storage: Storage) throws(DynamoError) -> Source {
        let table = try storage.table(try request.tableName())
        guard let indexName = try request.string("IndexName") else { return Source(table: table, index: nil) }
        guard let index = table.index(named: indexName) else {
            throw .validation(
                "The table does not have the specified index: \(indexName)")
        }
        if index.isGlobal, try request.bool("ConsistentRead") == true {
            throw .validation("Consistent reads are not supported on global secondary indexes")
        }
        return Source(table: table, index: index)
    }

    /// The Select mode, checked against the projection and the index.
    static func select(
        _ request: RequestReader, source: Source, hasProjection: Bool, legacy: Bool = false, isQuery: Bool = false
    ) throws(DynamoError) -> String {
        let modes = ["ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"]
        let fallback =
            hasProjection
            ? "SPECIFIC_ATTRIBUTES" : (source.index == nil ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES")
        let select = try request.choice("Select", modes, default: fallback)
        if hasProjection && select != "SPECIFIC_ATTRIBUTES" {
            let parameter = legacy ? "AttributesToGet" : "ProjectionExpression"
            throw .validation("Cannot specify the \(parameter) when choosing to get \(select)")
        }
        if !hasProjection && select == "SPECIFIC_ATTRIBUTES" {
            let message =
                "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"
            throw .validation(isQuery ? "1 validation error detected: " + message : message)
        }
        if select == "ALL_PROJECTED_ATTRIBUTES" && source.index == nil {
            throw .validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
        }
        if select == "ALL_ATTRIBUTES", let index = source.index, index.isGlobal, index.projection != .all {
            throw .invalidParameter(
                "Select type ALL_ATTRIBUTES is not supported for global secondary index \(index.name) because its projection type is not ALL"
            )
        }
        return select
    }

    static func limit(_ request: RequestReader) throws(DynamoError) -> Int? {
        guard let limit = try request.int("Limit") else { return nil }
        guard limit >= 1 else {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
            )
        }
        return limit
    }

    /// ExclusiveStartKey in stored form: (table key, index key when reading an index).
    static func startKey(_ request: RequestReader, source: Source) throws(DynamoError) -> (StoredKey, StoredKey?)? {
        guard let start = try request.item("ExclusiveStartKey") else { return nil }
        let invalid = DynamoError.validation(
            "The provided starting key is invalid: The provided key element does not match the schema")
        let tableKey = try ItemSupport.storedKey(source.table.key, of: start, mismatch: invalid)
        guard let index = source.index else {
            guard start.count == source.table.key.attributes.count else { throw invalid }
            return (tableKey, nil)
        }
        guard let indexKey = Storage.indexKey(of: start, index: index) else { throw invalid }
        return (tableKey, indexKey)
    }

    /// Steps through rows (`item, size` columns) applying Limit, the 1 MB page, segments and the filter.
    static func collect(
        _ storage: Storage, sql: String, binds: [SQLiteValue], source: Source, limit: Int?, filter: Condition?,
        segment: (number: Int, total: Int)? = nil, partitionColumn: Int32? = nil
    ) throws(DynamoError) -> ReadResult {
        var items: [Item] = []
        var scanned = 0
        var bytes = 0
        var lastKey: Item?
        try storage.forEachRow(sql: sql, binds: binds) { (row: SQLiteStatement) throws(DynamoError) -> Bool in
            if let segment, let partitionColumn {
                guard segmentOf(row.blob(partitionColumn), total: segment.total) == segment.number else { return true }
            }
            let item = source.visible(try Storage.decode(row.blob(0)))
            scanned += 1
            bytes += Int(row.int64(1))
            if try filter.map({ (condition) throws(DynamoError) -> Bool in try Evaluator.matches(condition, item) })
                ?? true
            {
                items.append(item)
            }
            if scanned == limit || bytes >= pageBytes {
                lastKey = source.lastKey(of: item)
                return false
            }
            return true
        }
        return ReadResult(items: items, scanned: scanned, bytes: bytes, lastKey: lastKey)
    }

    /// A stable hash of the partition key bytes, spreading partitions over scan segments.
    static func segmentOf(_ partition: [UInt8], total: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in partition { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(hash % UInt64(total))
    }

    /// The Query/Scan response.
    static func response(
        _ result: ReadResult, select: String, projection: [DocumentPath]?, request: RequestReader, source: Source
    ) throws(DynamoError) -> JSON {
        var response: [String: JSON] = [
            "Count": .number(String(result.items.count)), "ScannedCount": .number(String(result.scanned)),
        ]
        if select != "COUNT" {
            response["Items"] = .array(
                result.items.map { item in
                    AttributeValue.encode(item: projection.map { Projection.project(item, paths: $0) } ?? item)
                })
        }
        if let lastKey = result.lastKey { response["LastEvaluatedKey"] = AttributeValue.encode(item: lastKey) }
        let mode = try Capacity.mode(request)
        if mode != "NONE" {
            // Reads through a global index are always eventually consistent.
            let consistent = try request.bool("ConsistentRead") == true && source.index?.isGlobal != true
            let units = Capacity.readUnits(bytes: result.bytes, consistent: consistent)
            let indexUnits = source.index.map { [Capacity.IndexUnits(index: $0, units: units)] } ?? []
            response["ConsumedCapacity"] = Capacity.json(
                table: source.table.name, mode: mode, tableUnits: source.index == nil ? units : 0,
                indexes: indexUnits, isRead: true)
        }
        return .object(response)
    }
}
