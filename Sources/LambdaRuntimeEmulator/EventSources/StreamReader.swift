import LocalDynamo

/// The DynamoDB Streams calls a mapping makes, in-process against LocalDynamo's engine (on its I/O threads).
struct StreamReader: Sendable {
    /// One shard: its id, parent and sequence-number range (no end while it is open).
    struct Shard: Sendable, Equatable {
        let id: String
        let parent: String?
        let start: String
        let end: String?
    }

    let engine: DynamoEngine

    /// Every shard of the stream, oldest first (a parent before its children).
    func shards(of stream: String) async throws(DynamoError) -> [Shard] {
        var shards: [Shard] = []
        var after: String?
        repeat {
            var request: [String: JSON] = ["StreamArn": .string(stream)]
            if let after { request["ExclusiveStartShardId"] = .string(after) }
            let answer = try await engine.performInBackground("DescribeStream", .object(request))
            let description = answer.objectValue?["StreamDescription"]?.objectValue ?? [:]
            if case .array(let items)? = description["Shards"] {
                for item in items {
                    guard let shard = item.objectValue, case .string(let id)? = shard["ShardId"],
                        let range = shard["SequenceNumberRange"]?.objectValue,
                        case .string(let start)? = range["StartingSequenceNumber"]
                    else { continue }
                    var end: String?
                    if case .string(let text)? = range["EndingSequenceNumber"] { end = text }
                    var parent: String?
                    if case .string(let text)? = shard["ParentShardId"] { parent = text }
                    shards.append(Shard(id: id, parent: parent, start: start, end: end))
                }
            }
            if case .string(let last)? = description["LastEvaluatedShardId"] { after = last } else { after = nil }
        } while after != nil
        return shards.sorted { SequenceNumbers.precedes($0.start, $1.start) }
    }

    /// Up to `limit` records of a shard after `position` (nil: from its start); `exhausted` when the shard is
    /// closed and read to its end.
    func records(stream: String, shard: String, after position: String?, limit: Int) async throws(DynamoError) -> (
        records: [JSON], exhausted: Bool
    ) {
        var request: [String: JSON] = [
            "StreamArn": .string(stream), "ShardId": .string(shard),
            "ShardIteratorType": .string(position == nil ? "TRIM_HORIZON" : "AFTER_SEQUENCE_NUMBER"),
        ]
        if let position { request["SequenceNumber"] = .string(position) }
        let iterator = try await engine.performInBackground("GetShardIterator", .object(request))
        guard let shardIterator = iterator.objectValue?["ShardIterator"] else { return ([], false) }
        let page = try await engine.performInBackground(
            "GetRecords", .object(["ShardIterator": shardIterator, "Limit": .number(String(limit))]))
        var records: [JSON] = []
        if case .array(let items)? = page.objectValue?["Records"] { records = items }
        return (records, page.objectValue?["NextShardIterator"] == nil)
    }

    /// Where a reader starting at LATEST stands in a shard (nil: the shard is empty).
    func newest(stream: String, shard: Shard) async throws(DynamoError) -> String? {
        if let end = shard.end { return end }
        return try await engine.newestSequenceNumber(streamArn: stream, shardID: shard.id)
    }
}
