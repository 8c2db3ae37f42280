import BuildingBlocks

/// GetShardIterator: a position in a shard, from TRIM_HORIZON (the oldest record kept), LATEST (after the
/// newest), AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER; it expires 15 minutes after it is issued.
enum GetShardIterator {
    static let types = ["TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"]

    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let stream = try StreamSupport.stream(request, storage)
        let shardID = try request.requiredString("ShardId")
        guard let shard = try storage.shard(arn: stream.arn, id: shardID) else {
            throw DynamoError(.resourceNotFound, "Requested resource not found: Shard does not exist")
        }
        guard try request.string("ShardIteratorType") != nil else { throw RequestReader.missing("ShardIteratorType") }
        let type = try request.choice("ShardIteratorType", types, default: "")
        let sequenceText = try request.string("SequenceNumber")
        let after: Int64
        switch type {
        case "TRIM_HORIZON":
            after = shard.start - 1
        case "LATEST":
            if let end = shard.end {
                after = end
            } else {
                after = try storage.lastSequence(arn: stream.arn) ?? (shard.start - 1)
            }
        default:
            guard let sequenceText else {
                throw .validation("Must specify a sequence number for the \(type) iterator type")
            }
            guard let sequence = StreamRecords.sequence(sequenceText) else {
                throw .validation("Invalid SequenceNumber: \(sequenceText)")
            }
            after = type == "AT_SEQUENCE_NUMBER" ? sequence - 1 : sequence
        }
        if sequenceText != nil, type == "TRIM_HORIZON" || type == "LATEST" {
            throw .validation("Must not specify a sequence number for the \(type) iterator type")
        }
        let iterator = ShardIterator(
            arn: stream.arn, shard: shard.id, after: after, issued: clock.now.secondsSinceEpoch)
        return .object(["ShardIterator": .string(iterator.text)])
    }
}
