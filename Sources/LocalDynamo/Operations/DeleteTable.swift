import BuildingBlocks

/// DeleteTable: removes the table, its items and index entries at once (no DELETING phase to wait out).
enum DeleteTable {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let name = try request.tableName()
        guard let table = storage.tables[name] else {
            throw DynamoError(.resourceNotFound, "Requested resource not found: Table: \(name) not found")
        }
        if try RequestReader(table.request).bool("DeletionProtectionEnabled") == true {
            throw .validation(
                "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first."
            )
        }
        let description = try TableDescription.json(table, storage: storage)
        try storage.deleteTable(table)
        guard case .object(var members) = description else { return .object([:]) }
        members["TableStatus"] = .string("DELETING")
        return .object(["TableDescription": .object(members)])
    }
}
