import BuildingBlocks

/// GetItem: one item by key, optionally projected. Every read is strongly consistent here.
enum GetItem {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let tableName = try request.tableName()
        guard let keyItem = try request.item("Key") else { throw RequestReader.missing("Key") }
        let consistent = try request.bool("ConsistentRead") ?? false
        var placeholders = try Placeholders(request: request)
        let projection = try ItemSupport.readProjection(request, .getItem, placeholders: &placeholders)
        try placeholders.checkAllUsed(requestHasExpressions: projection != nil)
        let table = try storage.table(tableName)
        let key = try ItemSupport.storedKey(table, key: keyItem)
        var response: [String: JSON] = [:]
        let item = try storage.get(table, key: key)
        if let item {
            response["Item"] = AttributeValue.encode(
                item: projection.map { Projection.project(item, paths: $0) } ?? item)
        }
        let mode = try Capacity.mode(request)
        if mode != "NONE" {
            let units = Capacity.readUnits(bytes: item.map(ItemSize.of) ?? 0, consistent: consistent)
            response["ConsumedCapacity"] = Capacity.json(table: table.name, mode: mode, tableUnits: units, isRead: true)
        }
        return .object(response)
    }
}
