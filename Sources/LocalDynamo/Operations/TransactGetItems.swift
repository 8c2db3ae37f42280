import BuildingBlocks

/// TransactGetItems: 1-100 Gets read together (one lock, one consistent snapshot).
enum TransactGetItems {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        guard let actions = try request.array("TransactItems") else { throw RequestReader.missing("TransactItems") }
        guard (1...100).contains(actions.count) else {
            throw .validation(
                "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length \(actions.isEmpty ? "greater than or equal to 1" : "less than or equal to 100")"
            )
        }
        var responses: [JSON] = []
        for action in actions {
            guard let members = action.objectValue, let get = try RequestReader(members).object("Get") else {
                throw RequestReader.missing("Get")
            }
            let reader = RequestReader(get)
            let table = try storage.table(try reader.tableName())
            guard let keyItem = try reader.item("Key") else { throw RequestReader.missing("Key") }
            var placeholders = try Placeholders(request: reader)
            let projection = try ItemSupport.projection(reader, placeholders: &placeholders)
            try placeholders.checkAllUsed(requestHasExpressions: projection != nil)
            let key = try ItemSupport.storedKey(table, key: keyItem)
            if let item = try storage.get(table, key: key) {
                let visible = projection.map { Projection.project(item, paths: $0) } ?? item
                responses.append(.object(["Item": AttributeValue.encode(item: visible)]))
            } else {
                responses.append(.object([:]))
            }
        }
        return .object(["Responses": .array(responses)])
    }
}
