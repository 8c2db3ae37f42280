import BuildingBlocks

/// DescribeTable: the table's description, always ACTIVE.
enum DescribeTable {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let name = try request.tableName()
        guard let table = storage.tables[name] else {
            throw DynamoError(.resourceNotFound, "Requested resource not found: Table: \(name) not found")
        }
        return .object(["Table": try TableDescription.json(table, storage: storage)])
    }
}
