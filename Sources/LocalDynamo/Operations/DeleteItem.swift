import BuildingBlocks

/// DeleteItem: removes one item by key, optionally under a ConditionExpression, returning ALL_OLD on request.
enum DeleteItem {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let tableName = try request.tableName()
        guard let keyItem = try request.item("Key") else { throw RequestReader.missing("Key") }
        let returnsOld = try ItemSupport.returnsAllOld(request)
        let table = try storage.table(tableName)
        let delete = try prepare(request, table: table, keyItem: keyItem)
        let old = try storage.transaction { () throws(DynamoError) -> Item? in try delete.perform(storage) }
        return try ItemSupport.writeResponse(
            request, table: table, attributes: returnsOld ? old : nil, old: old, new: nil)
    }

    /// A validated delete, ready to run inside a transaction.
    struct Delete {
        let table: TableDefinition
        let key: StoredKey
        let condition: Condition?
        let returnOldOnFailure: Bool

        func perform(_ storage: Storage) throws(DynamoError) -> Item? {
            let old = try storage.get(table, key: key)
            try ItemSupport.checkCondition(condition, old: old, returnOldOnFailure: returnOldOnFailure)
            if old != nil { try storage.delete(table, key: key, old: old) }
            return old
        }
    }

    static func prepare(_ request: RequestReader, table: TableDefinition, keyItem: Item) throws(DynamoError) -> Delete {
        var placeholders = try Placeholders(request: request)
        let condition = try ItemSupport.writeCondition(request, .deleteItem, placeholders: &placeholders)
        try placeholders.checkAllUsed(requestHasExpressions: condition != nil)
        let key = try ItemSupport.storedKey(table, key: keyItem)
        return Delete(
            table: table, key: key, condition: condition, returnOldOnFailure: try ItemSupport.returnOnFailure(request))
    }
}
