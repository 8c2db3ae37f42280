import BuildingBlocks

/// DescribeStream: a stream's status, view type, key schema and shards, oldest first: each shard closed at
/// its last record (EndingSequenceNumber) once it rolled over or the stream was disabled, a child naming its
/// parent.
enum DescribeStream {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let stream = try StreamSupport.stream(request, storage)
        let limit = try StreamSupport.limit(request, maximum: 100)
        var shards = try storage.shards(arn: stream.arn)
        if let start = try request.string("ExclusiveStartShardId"),
            let found = shards.firstIndex(where: { $0.id == start })
        {
            shards = Array(shards[(found + 1)...])
        }
        var description: [String: JSON] = [
            "StreamArn": .string(stream.arn),
            "StreamLabel": .string(stream.label),
            "StreamStatus": .string(stream.isEnabled ? "ENABLED" : "DISABLED"),
            "StreamViewType": .string(stream.viewType),
            "CreationRequestDateTime": .number(String(stream.created)),
            "TableName": .string(stream.tableName),
            "KeySchema": stream.keySchema,
            "Shards": .array(shards.prefix(limit).map(json)),
        ]
        if shards.count > limit, let last = shards.prefix(limit).last {
            description["LastEvaluatedShardId"] = .string(last.id)
        }
        return .object(["StreamDescription": .object(description)])
    }

    private static func json(_ shard: StreamShard) -> JSON {
        var range: [String: JSON] = ["StartingSequenceNumber": .string(StreamRecords.sequenceNumber(shard.start))]
        if let end = shard.end {
            range["EndingSequenceNumber"] = .string(StreamRecords.sequenceNumber(max(end, shard.start)))
        }
        var entry: [String: JSON] = ["ShardId": .string(shard.id), "SequenceNumberRange": .object(range)]
        if let parent = shard.parent { entry["ParentShardId"] = .string(parent) }
        return .object(entry)
    }
}
