import BuildingBlocks

/// ListStreams: the streams of every table (or of one), ordered by ARN, in pages of up to 100.
enum ListStreams {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let tableName = try request.string("TableName")
        if let tableName {
            try RequestReader.validateName(tableName, field: "tableName")
            guard storage.tables[tableName] != nil else {
                throw DynamoError(.resourceNotFound, "Requested resource not found: Table: \(tableName) not found")
            }
        }
        let limit = try StreamSupport.limit(request, maximum: 100)
        let start = try request.string("ExclusiveStartStreamArn")
        let matching = try storage.streams().filter { stream in
            (tableName == nil || stream.tableName == tableName) && (start.map { stream.arn > $0 } ?? true)
        }
        let page = matching.prefix(limit)
        var response: [String: JSON] = [
            "Streams": .array(
                page.map { stream in
                    .object([
                        "StreamArn": .string(stream.arn), "TableName": .string(stream.tableName),
                        "StreamLabel": .string(stream.label),
                    ])
                })
        ]
        if matching.count > limit, let last = page.last { response["LastEvaluatedStreamArn"] = .string(last.arn) }
        return .object(response)
    }
}
