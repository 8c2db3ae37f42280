import BuildingBlocks

/// DescribeTimeToLive: ENABLED with the attribute name, or DISABLED.
enum DescribeTimeToLive {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let table = try storage.table(try request.tableName())
        var description: [String: JSON] = [
            "TimeToLiveStatus": .string(table.ttlAttribute == nil ? "DISABLED" : "ENABLED")
        ]
        if let attribute = table.ttlAttribute { description["AttributeName"] = .string(attribute) }
        return .object(["TimeToLiveDescription": .object(description)])
    }
}
