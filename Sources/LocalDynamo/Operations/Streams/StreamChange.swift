import BuildingBlocks

/// UpdateTable's StreamSpecification: enabling starts a new stream (a table with an enabled stream refuses),
/// disabling stops the current one (a table without one refuses); the view type cannot change in place.
struct StreamChange {
    let enable: String?
    let table: TableDefinition

    /// nil when the request has no StreamSpecification.
    init?(_ request: RequestReader, table: TableDefinition) throws(DynamoError) {
        guard let specification = try StreamSupport.specification(request) else { return nil }
        let current = table.latestStream?.isEnabled == true
        if specification.enabled {
            guard !current else {
                throw DynamoError(.resourceInUse, "Table already has an enabled stream: TableName: \(table.name)")
            }
            enable = specification.viewType
        } else {
            guard current else {
                throw .invalidParameter("Table does not have a stream enabled: TableName: \(table.name)")
            }
            enable = nil
        }
        self.table = table
    }

    /// The StreamSpecification DescribeTable echoes afterwards (none once disabled).
    var specification: JSON? {
        enable.map { .object(["StreamEnabled": .bool(true), "StreamViewType": .string($0)]) }
    }

    /// Creates or disables the stream, in the caller's transaction, and notes it in `definition`.
    func apply(to definition: inout TableDefinition, _ storage: Storage) throws(DynamoError) {
        if let viewType = enable {
            definition.latestStream = try storage.createStream(definition, viewType: viewType)
        } else if let stream = table.latestStream {
            let now = storage.clock.now.secondsSinceEpoch
            try storage.disableStream(arn: stream.arn, at: now)
            definition.latestStream?.disabled = now
        }
    }
}
