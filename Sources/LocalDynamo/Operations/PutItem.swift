import BuildingBlocks

/// PutItem: writes a whole item, optionally under a ConditionExpression, returning ALL_OLD on request.
enum PutItem {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let tableName = try request.tableName()
        guard let item = try request.item("Item") else { throw RequestReader.missing("Item") }
        let returnsOld = try ItemSupport.returnsAllOld(request)
        let table = try storage.table(tableName)
        let write = try prepare(request, table: table, item: item)
        let old = try storage.transaction { () throws(DynamoError) -> Item? in try write.perform(storage) }
        return try ItemSupport.writeResponse(
            request, table: table, attributes: returnsOld ? old : nil, old: old, new: write.item)
    }

    /// A validated put, ready to run inside a transaction (shared with batch and transactional writes).
    struct Write {
        let table: TableDefinition
        let key: StoredKey
        let item: Item
        let size: Int
        let condition: Condition?
        let returnOldOnFailure: Bool

        /// Checks the condition against the stored item and writes; returns the previous item.
        func perform(_ storage: Storage) throws(DynamoError) -> Item? {
            let old = try storage.get(table, key: key)
            try ItemSupport.checkCondition(condition, old: old, returnOldOnFailure: returnOldOnFailure)
            try storage.put(table, key: key, item: item, size: size, old: old)
            return old
        }
    }

    static func prepare(_ request: RequestReader, table: TableDefinition, item: Item) throws(DynamoError) -> Write {
        var placeholders = try Placeholders(request: request)
        let condition = try ItemSupport.writeCondition(request, .putItem, placeholders: &placeholders)
        try placeholders.checkAllUsed(requestHasExpressions: condition != nil)
        let (key, size) = try ItemSupport.validateForWrite(table, item: item)
        return Write(
            table: table, key: key, item: item, size: size, condition: condition,
            returnOldOnFailure: try ItemSupport.returnOnFailure(request))
    }
}
