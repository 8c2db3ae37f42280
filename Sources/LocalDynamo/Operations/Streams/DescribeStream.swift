/// DescribeStream: a stream's status, view type, key schema and its one shard (open while the stream records,
/// closed at its last record once disabled).
enum DescribeStream {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any DynamoClock) throws(DynamoError) -> JSON
    {
        let stream = try StreamSupport.stream(request, storage)
        _ = try StreamSupport.limit(request, maximum: 100)
        let shardID = StreamNames.shardID(stream)
        var range: [String: JSON] = [
            "StartingSequenceNumber": .string(StreamRecords.sequenceNumber(stream.startSequence))
        ]
        if !stream.isEnabled {
            let last = try storage.lastSequence(arn: stream.arn) ?? stream.startSequence
            range["EndingSequenceNumber"] = .string(StreamRecords.sequenceNumber(last))
        }
        var shards: [JSON] = [.object(["ShardId": .string(shardID), "SequenceNumberRange": .object(range)])]
        if let start = try request.string("ExclusiveStartShardId"), start >= shardID { shards = [] }
        return .object([
            "StreamDescription": .object([
                "StreamArn": .string(stream.arn),
                "StreamLabel": .string(stream.label),
                "StreamStatus": .string(stream.isEnabled ? "ENABLED" : "DISABLED"),
                "StreamViewType": .string(stream.viewType),
                "CreationRequestDateTime": .number(String(stream.created)),
                "TableName": .string(stream.tableName),
                "KeySchema": stream.keySchema,
                "Shards": .array(shards),
            ])
        ])
    }
}
