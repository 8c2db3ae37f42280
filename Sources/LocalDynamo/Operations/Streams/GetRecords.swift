import BuildingBlocks
import Foundation

/// GetRecords: up to `Limit` (1,000) records or 1 MB after the iterator's position, and the iterator for
/// the next call; that iterator is absent once a disabled stream's shard has been read to its end.
enum GetRecords {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let iterator = try ShardIterator(parsing: try request.requiredString("ShardIterator"))
        let limit = try StreamSupport.limit(request, maximum: 1000)
        let now = clock.now.secondsSinceEpoch
        if now - iterator.issued > StreamRules.iteratorLifetime {
            throw DynamoError(
                .expiredIterator,
                "Iterator expired. The iterator was created at time \(timestamp(iterator.issued)) while right now it is \(timestamp(now)) which is further in the future than the tolerated delay of 900000 milliseconds."
            )
        }
        guard let stream = try storage.stream(arn: iterator.arn),
            let shard = try storage.shard(arn: stream.arn, id: iterator.shard)
        else {
            throw DynamoError(.resourceNotFound, "Requested resource not found: Stream: \(iterator.arn) not found")
        }
        var records: [JSON] = []
        var bytes = 0
        var position = iterator.after
        for (sequence, stored) in try storage.streamRecords(
            arn: stream.arn, after: iterator.after, through: shard.end ?? .max, limit: limit)
        {
            let record = StreamRecords.returned(stored, sequence: sequence, stream: stream)
            let size = record.serialized().count
            if !records.isEmpty, bytes + size > StreamRules.maximumResponseBytes { break }
            records.append(record)
            bytes += size
            position = sequence
        }
        var response: [String: JSON] = ["Records": .array(records)]
        // A closed shard read to its end has no next iterator: the reader moves on to its child.
        if let end = shard.end, position >= end { return .object(response) }
        let next = ShardIterator(arn: stream.arn, shard: shard.id, after: position, issued: now)
        response["NextShardIterator"] = .string(next.text)
        return .object(response)
    }

    private static func timestamp(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds).description
    }
}
