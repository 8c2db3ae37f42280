import BuildingBlocks

/// UpdateItem: an upsert through an UpdateExpression, optionally conditional, with every ReturnValues mode.
enum UpdateItem {
    static let returnValueModes = ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"]

    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let tableName = try request.tableName()
        guard let keyItem = try request.item("Key") else { throw RequestReader.missing("Key") }
        let returnValues = try request.choice("ReturnValues", returnValueModes, default: "NONE")
        let table = try storage.table(tableName)
        let update = try prepare(request, table: table, keyItem: keyItem)
        let (old, new) = try storage.transaction { () throws(DynamoError) -> (Item?, Item?) in
            try update.perform(storage)
        }
        let paths = update.actions?.paths ?? []
        let attributes: Item?
        switch returnValues {
        case "ALL_OLD": attributes = old
        case "ALL_NEW": attributes = new
        case "UPDATED_OLD": attributes = old.map { Projection.project($0, paths: paths) }
        case "UPDATED_NEW": attributes = new.map { Projection.project($0, paths: paths) }
        default: attributes = nil
        }
        return try ItemSupport.writeResponse(request, table: table, attributes: attributes, old: old, new: new)
    }

    /// A validated update, ready to run inside a transaction.
    struct Update {
        let table: TableDefinition
        let key: StoredKey
        let keyItem: Item
        let actions: UpdateActions?
        let condition: Condition?
        let returnOldOnFailure: Bool

        /// Checks the condition, applies the actions to the stored item (or the bare key) and writes.
        /// Returns nil as the new item when nothing was written: removals alone never create an item.
        func perform(_ storage: Storage) throws(DynamoError) -> (old: Item?, new: Item?) {
            let old = try storage.get(table, key: key)
            try ItemSupport.checkCondition(condition, old: old, returnOldOnFailure: returnOldOnFailure)
            var new = old ?? keyItem
            if let actions {
                new = try UpdateApplier.apply(actions, to: new, keyNames: table.key.names)
                if old == nil, actions.set.isEmpty, actions.add.isEmpty,
                    !actions.remove.isEmpty || !actions.delete.isEmpty
                {
                    return (nil, nil)
                }
            }
            let (_, size) = try ItemSupport.validateForWrite(table, item: new)
            try storage.put(table, key: key, item: new, size: size, old: old)
            return (old, new)
        }
    }

    static func prepare(_ request: RequestReader, table: TableDefinition, keyItem: Item) throws(DynamoError) -> Update {
        var placeholders = try Placeholders(request: request)
        let actions: UpdateActions?
        let condition: Condition?
        if try LegacyParameters.check(request, .updateItem) {
            actions = try LegacyParameters.attributeUpdates(request)
            condition = try LegacyConditions.expected(request)
            try placeholders.checkAllUsed(requestHasExpressions: false)
        } else {
            actions = try request.string("UpdateExpression").map { (text) throws(DynamoError) -> UpdateActions in
                try ExpressionParser.update(text, placeholders: &placeholders)
            }
            condition = try ItemSupport.condition(request, placeholders: &placeholders)
            try placeholders.checkAllUsed(requestHasExpressions: actions != nil || condition != nil)
        }
        let key = try ItemSupport.storedKey(table, key: keyItem)
        return Update(
            table: table, key: key, keyItem: keyItem, actions: actions, condition: condition,
            returnOldOnFailure: try ItemSupport.returnOnFailure(request))
    }
}
