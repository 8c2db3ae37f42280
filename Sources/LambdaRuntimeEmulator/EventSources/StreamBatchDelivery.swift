import Foundation
import LocalDynamo

/// How one synchronous invocation of a stream batch went.
public enum StreamInvocation: Sendable, Equatable {
    /// The function answered; the payload may report item failures.
    case succeeded([UInt8])
    /// A function error (the error document).
    case failed([UInt8])
    /// No capacity: tried again without counting, as Lambda does for throttles.
    case throttled
}

/// What delivering a shard's records needs from the world, injected so the retry rules are testable alone.
struct StreamDeliveryEnvironment: Sendable {
    /// Invokes the function synchronously with a payload under a request id.
    var invoke: @Sendable ([UInt8], String) async -> StreamInvocation
    /// Durably records that every record through this sequence number is done.
    var checkpoint: @Sendable (String) async throws -> Void
    var deadLetter: @Sendable (StreamBatchFailure) async throws -> Void
    var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    var now: @Sendable () -> Date = { Date() }
}

/// Delivers a shard's records to the function as Lambda's stream event source mappings do: synchronously, in
/// order, the shard blocked until a batch succeeds or is given up. A failed batch is retried (after the
/// emulator's retry delays) up to `MaximumRetryAttempts` (-1: until the records leave the stream); with
/// `BisectBatchOnFunctionError` a failing batch is split in two first, without counting a retry, down to the
/// record at fault; with `ReportBatchItemFailures` the records before the lowest reported one are done and the
/// rest is retried (split at that record). A batch given up goes to the dead letters with its record range.
struct StreamBatchDelivery: Sendable {
    let mapping: EventSourceMapping
    let functionArn: String
    let shardID: String
    let retryDelays: [Duration]
    let environment: StreamDeliveryEnvironment

    /// Where a partial batch response says to resume.
    enum ItemFailures: Equatable {
        case none
        /// Retry the whole batch (an identifier that is empty, missing or not in the batch).
        case whole
        /// Retry from this index of the batch.
        case from(Int)
    }

    /// Delivers `entries` (in stream order) until each is delivered or dead-lettered, checkpointing as it goes;
    /// returns Lambda's `LastProcessingResult` for the last batch. Cancellation stops it without a checkpoint for
    /// the batch in flight (it runs again after a restart).
    func deliver(_ entries: [StreamEventRecord]) async throws -> String {
        var pending: [ArraySlice<StreamEventRecord>] = entries.isEmpty ? [] : [entries[...]]
        var failures = 0
        var invokeCount = 0
        var lastError: [UInt8] = []
        var result = "OK"
        while var batch = pending.first {
            if mapping.maximumRecordAgeInSeconds >= 0 {
                let cutoff = environment.now().timeIntervalSince1970 - Double(mapping.maximumRecordAgeInSeconds)
                let expired = batch.prefix { $0.arrival < cutoff }
                if let last = expired.last {
                    try await giveUp(expired, condition: "RecordAgeExceeded", error: Self.ageError, invokeCount: 0)
                    try await environment.checkpoint(last.sequenceNumber)
                    batch = batch.dropFirst(expired.count)
                    pending[0] = batch
                    guard !batch.isEmpty else {
                        pending.removeFirst()
                        continue
                    }
                }
            }
            guard let last = batch.last, batch.contains(where: \.included) else {
                // Every record was filtered out: nothing for the function, the shard moves on.
                if let last = batch.last { try await environment.checkpoint(last.sequenceNumber) }
                pending.removeFirst()
                continue
            }
            invokeCount += 1
            let outcome = await environment.invoke(StreamEventRecord.payload(batch), LambdaRequestID.make())
            try Task.checkCancellation()
            var failedFrom: Int?
            switch outcome {
            case .throttled:
                invokeCount -= 1
                try await environment.sleep(delay(after: max(failures, 1)))
                continue
            case .succeeded(let payload):
                switch mapping.reportBatchItemFailures ? Self.itemFailures(payload, in: batch) : .none {
                case .none:
                    try await environment.checkpoint(last.sequenceNumber)
                    pending.removeFirst()
                    (failures, invokeCount, result) = (0, 0, "OK")
                    continue
                case .whole:
                    lastError = payload
                case .from(let index):
                    failedFrom = index
                    lastError = payload
                }
            case .failed(let error):
                lastError = error
            }
            result = "PROBLEM: Function call failed"
            if let failedFrom {
                // The records before the lowest reported one are done; the batch resumes at it.
                if failedFrom > batch.startIndex {
                    try await environment.checkpoint(batch[batch.index(before: failedFrom)].sequenceNumber)
                }
                batch = batch[failedFrom...]
                pending[0] = batch
            } else if mapping.bisectBatchOnFunctionError, let halves = Self.halves(batch) {
                // Each half is a new batch: splitting does not count as a retry.
                pending.replaceSubrange(0..<1, with: [halves.0, halves.1])
                (failures, invokeCount) = (0, 0)
                continue
            }
            failures += 1
            if mapping.maximumRetryAttempts >= 0 && failures > mapping.maximumRetryAttempts {
                try await giveUp(batch, condition: "RetryAttemptsExhausted", error: lastError, invokeCount: invokeCount)
                try await environment.checkpoint(last.sequenceNumber)
                pending.removeFirst()
                (failures, invokeCount) = (0, 0)
                continue
            }
            try await environment.sleep(delay(after: failures))
        }
        return result
    }

    /// The wait before retry `failures` (1-based): the emulator's retry delays, the last one repeating.
    private func delay(after failures: Int) -> Duration {
        guard !retryDelays.isEmpty else { return .zero }
        return retryDelays[min(failures - 1, retryDelays.count - 1)]
    }

    private func giveUp(
        _ batch: ArraySlice<StreamEventRecord>, condition: String, error: [UInt8], invokeCount: Int
    ) async throws {
        let records = batch.filter(\.included)
        guard !records.isEmpty else { return }
        try await environment.deadLetter(
            StreamBatchFailure(
                condition: condition, requestID: LambdaRequestID.make(), records: records, error: error,
                invokeCount: invokeCount, functionArn: functionArn, shardID: shardID,
                streamArn: mapping.eventSourceArn, time: environment.now()))
    }

    private static let ageError = ErrorDocument.make(
        type: "RecordAgeExceeded", message: "The records are older than the mapping's MaximumRecordAgeInSeconds")

    /// Splits a batch so each half holds half of its included records; nil when it holds only one.
    static func halves(_ batch: ArraySlice<StreamEventRecord>) -> (
        ArraySlice<StreamEventRecord>, ArraySlice<StreamEventRecord>
    )? {
        let included = batch.indices.filter { batch[$0].included }
        guard included.count > 1 else { return nil }
        let cut = included[included.count / 2]
        return (batch[..<cut], batch[cut...])
    }

    /// Reads a `{"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}` answer: no failures for anything
    /// else (an empty or null list, another document, no document), the whole batch for an identifier that is
    /// empty, null or not one of the batch's records, else the lowest reported record.
    static func itemFailures(_ payload: [UInt8], in batch: ArraySlice<StreamEventRecord>) -> ItemFailures {
        // Anything that is not a JSON object with a list of failures reports none, as Lambda reads it.
        guard let document = try? JSON.parse(payload), case .object(let members) = document,
            let failures = members["batchItemFailures"], failures != .null
        else { return .none }
        guard case .array(let items) = failures else { return .whole }
        var lowest: Int?
        for item in items {
            guard case .object(let failure) = item, case .string(let identifier)? = failure["itemIdentifier"],
                !identifier.isEmpty,
                let index = batch.indices.first(where: { batch[$0].included && batch[$0].sequenceNumber == identifier })
            else { return .whole }
            lowest = min(lowest ?? index, index)
        }
        return lowest.map { .from($0) } ?? .none
    }
}
