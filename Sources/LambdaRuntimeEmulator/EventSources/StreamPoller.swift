import Foundation
import LocalDynamo
import Logging

/// Reads one mapping's stream, shard after shard (a parent before its child), gathers batches as the mapping
/// asks (`BatchSize`, `MaximumBatchingWindowInSeconds`, the 6 MB payload limit, `FilterCriteria`) and hands them
/// to `StreamBatchDelivery`. Polls every `idleInterval` while the stream has nothing new, at once while it has.
struct StreamPoller: Sendable {
    let mapping: EventSourceMapping
    let functionArn: String
    let reader: StreamReader
    let store: EventSourceStore
    let retryDelays: [Duration]
    let idleInterval: Duration
    let environment: StreamDeliveryEnvironment
    /// Receives `LastProcessingResult` after each batch.
    let report: @Sendable (String) async -> Void
    let logger: Logger

    /// Polls until cancelled; a failure (the stream gone, a store error) is logged once and retried from the stored
    /// position (a batch whose position was not stored runs again).
    func run() async {
        // The patterns were checked when the mapping was created, so a failure here means a stored mapping was
        // changed behind the API's back; polling without that filter would deliver records it excludes.
        let filters: [EventFilterPattern]
        do {
            filters = try mapping.filterPatterns.map { try EventFilterPattern($0) }
        } catch {
            logger.error(
                "event source mapping not polled: a filter pattern does not parse",
                metadata: metadata(["error": "\(error)"]))
            await report("PROBLEM: Invalid filter criteria")
            return
        }
        var failing: String?
        while !Task.isCancelled {
            do {
                let progressed = try await pollOnce(filters: filters)
                if let previous = failing {
                    logger.info("event source mapping recovered", metadata: metadata(["previousError": "\(previous)"]))
                    failing = nil
                }
                if !progressed { try await Task.sleep(for: idleInterval) }
            } catch is CancellationError {
                return
            } catch {
                let message = "\(error)"
                if failing != message {
                    logger.error(
                        "event source mapping failing; it resumes from its stored position",
                        metadata: metadata(["error": "\(message)"]))
                    failing = message
                    await report("PROBLEM: \(message)")
                }
                do { try await Task.sleep(for: idleInterval * 4) } catch { return }
            }
        }
    }

    /// Delivers the next batch of the first unfinished shard; false when there was nothing to deliver.
    func pollOnce(filters: [EventFilterPattern]) async throws -> Bool {
        let stream = mapping.eventSourceArn
        let shards = try await reader.shards(of: stream)
        var positions = try await store.positions(uuid: mapping.uuid, stream: stream)
        if positions.isEmpty { positions = try await start(on: shards) }
        for shard in shards {
            let position = positions[shard.id] ?? nil
            if let end = shard.end, let position, !SequenceNumbers.precedes(position, end) { continue }
            let gathered = try await gather(shard, after: position, filters: filters)
            guard !gathered.entries.isEmpty else {
                guard gathered.exhausted, let end = shard.end else { return false }
                // A closed shard read to its end: its child comes next.
                try await store.setPosition(uuid: mapping.uuid, stream: stream, shard: shard.id, sequence: end)
                positions[shard.id] = end
                continue
            }
            let delivery = StreamBatchDelivery(
                mapping: mapping, functionArn: functionArn, shardID: shard.id, retryDelays: retryDelays,
                environment: environment(for: shard))
            await report(try await delivery.deliver(gathered.entries))
            return true
        }
        return false
    }

    /// The first read of a stream: every shard at its start (TRIM_HORIZON) or at its newest record (LATEST),
    /// stored before any record is delivered so a restart keeps the starting point.
    private func start(on shards: [StreamReader.Shard]) async throws -> [String: String?] {
        var positions: [String: String?] = [:]
        for shard in shards {
            positions[shard.id] =
                mapping.startingPosition == "LATEST"
                ? .some(try await reader.newest(stream: mapping.eventSourceArn, shard: shard)) : .some(nil)
        }
        try await store.resetPositions(uuid: mapping.uuid, stream: mapping.eventSourceArn, positions)
        return positions
    }

    /// Reads records after `position` until the batch is full, the shard has nothing more for now (after the
    /// batching window, if any, has passed since the first record), or the payload would pass 6 MB.
    private func gather(_ shard: StreamReader.Shard, after position: String?, filters: [EventFilterPattern])
        async throws -> (entries: [StreamEventRecord], exhausted: Bool)
    {
        var entries: [StreamEventRecord] = []
        var included = 0
        var bytes = StreamEventRecord.payload([]).count
        var cursor = position
        var windowEnds: ContinuousClock.Instant?
        while true {
            let limit = max(1, min(1000, mapping.batchSize - included))
            let page = try await reader.records(
                stream: mapping.eventSourceArn, shard: shard.id, after: cursor, limit: limit)
            for raw in page.records {
                guard
                    let entry = StreamEventRecord(
                        streamRecord: raw, streamArn: mapping.eventSourceArn, filters: filters)
                else { continue }
                if entry.included {
                    let size = entry.record.serialized().count + 1
                    if included > 0 && bytes + size > InvokeOperation.synchronousLimit { return (entries, false) }
                    bytes += size
                    included += 1
                    if windowEnds == nil, mapping.maximumBatchingWindowInSeconds > 0 {
                        windowEnds = .now + .seconds(mapping.maximumBatchingWindowInSeconds)
                    }
                }
                entries.append(entry)
                cursor = entry.sequenceNumber
                if included >= mapping.batchSize { return (entries, false) }
            }
            if page.exhausted { return (entries, true) }
            if page.records.count == limit { continue }
            // Caught up with the stream: wait for more only inside an open batching window.
            guard let windowEnds, included > 0, ContinuousClock.now < windowEnds else { return (entries, false) }
            try await Task.sleep(for: min(idleInterval, windowEnds - .now))
        }
    }

    /// The delivery environment with the shard's checkpoint.
    private func environment(for shard: StreamReader.Shard) -> StreamDeliveryEnvironment {
        var environment = self.environment
        let (store, uuid, stream) = (self.store, mapping.uuid, mapping.eventSourceArn)
        environment.checkpoint = { sequence in
            try await store.setPosition(uuid: uuid, stream: stream, shard: shard.id, sequence: sequence)
        }
        return environment
    }

    private func metadata(_ extra: Logger.Metadata) -> Logger.Metadata {
        extra.merging(["uuid": .string(mapping.uuid), "function": .string(mapping.functionName)]) { _, new in new }
    }
}
