import LocalDynamo

/// A template table's stream, brought in line with its `StreamSpecification` when the table exists from an
/// earlier run: enabled, disabled, or (for another view type) replaced by a new stream, as a deployment would.
enum TemplateStreams {
    static func align(_ table: TemplateTable, in engine: DynamoEngine) throws {
        let described = try engine.perform("DescribeTable", .object(["TableName": .string(table.name)]))
        let specification = described.objectValue?["Table"]?.objectValue?["StreamSpecification"]?.objectValue
        var current: String?
        if specification?["StreamEnabled"] == .bool(true),
            case .string(let viewType)? = specification?["StreamViewType"]
        {
            current = viewType
        }
        guard current != table.streamViewType else { return }
        if current != nil { try update(table.name, ["StreamEnabled": .bool(false)], engine) }
        if let viewType = table.streamViewType {
            try update(table.name, ["StreamEnabled": .bool(true), "StreamViewType": .string(viewType)], engine)
        }
    }

    private static func update(_ table: String, _ specification: [String: JSON], _ engine: DynamoEngine) throws {
        _ = try engine.perform(
            "UpdateTable", .object(["TableName": .string(table), "StreamSpecification": .object(specification)]))
    }

    /// The table's current stream ARN, nil when it has none enabled.
    static func latestArn(of table: String, in engine: DynamoEngine) async throws -> String? {
        let described = try await engine.performInBackground(
            "DescribeTable", .object(["TableName": .string(table)]))
        let members = described.objectValue?["Table"]?.objectValue
        guard members?["StreamSpecification"]?.objectValue?["StreamEnabled"] == .bool(true),
            case .string(let arn)? = members?["LatestStreamArn"]
        else { return nil }
        return arn
    }
}
