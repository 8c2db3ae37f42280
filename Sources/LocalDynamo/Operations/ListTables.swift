import BuildingBlocks

/// ListTables: table names in order, paged by Limit (1-100) and ExclusiveStartTableName.
enum ListTables {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let limit = try request.int("Limit") ?? 100
        guard (1...100).contains(limit) else {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value \(limit < 1 ? "greater than or equal to 1" : "less than or equal to 100")"
            )
        }
        let start = try request.string("ExclusiveStartTableName")
        if let start { try RequestReader.validateName(start, field: "exclusiveStartTableName") }
        let names = storage.tables.keys.sorted { Evaluator.compareBytes(Array($0.utf8), Array($1.utf8)) < 0 }
            .filter { name in start.map { Evaluator.compareBytes(Array(name.utf8), Array($0.utf8)) > 0 } ?? true }
        let page = Array(names.prefix(limit))
        var response: [String: JSON] = ["TableNames": .array(page.map { .string($0) })]
        if names.count > limit, let last = page.last { response["LastEvaluatedTableName"] = .string(last) }
        return .object(response)
    }
}
