/// GetItem: one item by key, optionally projected. Every read is strongly consistent here.
enum GetItem {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any DynamoClock) throws(DynamoError) -> JSON
    {
        let tableName = try request.tableName()
        guard let keyItem = try request.item("Key") else { throw RequestReader.missing("Key") }
        try request.rejectLegacy(["AttributesToGet"])
        _ = try request.bool("ConsistentRead")
        var placeholders = try Placeholders(request: request)
        let projection = try ItemSupport.projection(request, placeholders: &placeholders)
        try placeholders.checkAllUsed(requestHasExpressions: projection != nil)
        let table = try storage.table(tableName)
        let key = try ItemSupport.storedKey(table, key: keyItem)
        var response: [String: JSON] = [:]
        if let item = try storage.get(table, key: key) {
            response["Item"] = AttributeValue.encode(
                item: projection.map { Projection.project(item, paths: $0) } ?? item)
        }
        if let capacity = try ItemSupport.consumedCapacity(request, table: table.name, units: 0.5) {
            response["ConsumedCapacity"] = capacity
        }
        return .object(response)
    }
}
