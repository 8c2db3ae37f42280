/// Entry points for in-process readers on Swift's cooperative pool (the emulator's event source mappings):
/// the work runs on `DynamoIO`'s threads.
extension DynamoEngine {
    /// `perform` on the I/O threads.
    public func performInBackground(_ operation: String, _ request: JSON) async throws(DynamoError) -> JSON {
        try await DynamoIO.run { () throws(DynamoError) -> JSON in try self.perform(operation, request) }
    }

    /// The sequence number of the newest record of a shard, or nil when it holds none: where a reader starting at
    /// LATEST stands, as a position it can store and resume from (a shard iterator is opaque and expires).
    public func newestSequenceNumber(streamArn: String, shardID: String) async throws(DynamoError) -> String? {
        try await DynamoIO.run { () throws(DynamoError) -> String? in
            try self.storage.withLock { (storage: inout Storage) throws(DynamoError) -> String? in
                guard let shard = try storage.shard(arn: streamArn, id: shardID) else {
                    throw DynamoError(.resourceNotFound, "Requested resource not found: Shard does not exist")
                }
                var last = shard.end
                if last == nil { last = try storage.lastSequence(arn: streamArn) }
                guard let last, last >= shard.start else { return nil }
                return StreamRecords.sequenceNumber(last)
            }
        }
    }
}
