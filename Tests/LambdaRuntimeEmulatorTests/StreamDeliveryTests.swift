import Foundation
import LocalDynamo
import Testing

@testable import LambdaRuntimeEmulator

/// Records what a fake function saw and what the delivery checkpointed and gave up.
actor DeliveryLog {
    var batches: [[String]] = []
    var checkpoints: [String] = []
    var deadLetters: [StreamBatchFailure] = []
    var sleeps = 0

    func invoked(_ sequences: [String]) { batches.append(sequences) }
    func checkpointed(_ sequence: String) { checkpoints.append(sequence) }
    func gaveUp(_ failure: StreamBatchFailure) { deadLetters.append(failure) }
    func slept() { sleeps += 1 }
}

@Suite("Stream batch delivery: retries, bisecting, partial batch responses, filters, record age")
struct StreamDeliveryTests {
    static func sequence(_ index: Int) -> String { "1" + String(format: "%020d", index) }

    static func entries(_ count: Int, arrival: Double = Date().timeIntervalSince1970, excluded: Set<Int> = [])
        -> [StreamEventRecord]
    {
        (1...count).map { index in
            StreamEventRecord(
                sequenceNumber: sequence(index), arrival: arrival,
                record: .object([
                    "eventName": .string("INSERT"),
                    "dynamodb": .object(["SequenceNumber": .string(sequence(index))]),
                ]), included: !excluded.contains(index))
        }
    }

    /// The sequence numbers in an invocation payload.
    static func sequences(_ payload: [UInt8]) -> [String] {
        guard case .object(let members)? = try? JSON.parse(payload), case .array(let records)? = members["Records"]
        else { return [] }
        return records.compactMap { record in
            guard case .string(let text)? = record.objectValue?["dynamodb"]?.objectValue?["SequenceNumber"] else {
                return nil
            }
            return text
        }
    }

    static func delivery(
        _ mapping: EventSourceMapping, log: DeliveryLog,
        function: @escaping @Sendable ([String]) async -> StreamInvocation
    ) -> StreamBatchDelivery {
        StreamBatchDelivery(
            mapping: mapping, functionArn: "arn:aws:lambda:us-east-1:123456789012:function:f", shardID: "shard-1",
            retryDelays: [.zero],
            environment: StreamDeliveryEnvironment(
                invoke: { payload, _ in
                    let sequences = sequences(payload)
                    await log.invoked(sequences)
                    return await function(sequences)
                },
                checkpoint: { await log.checkpointed($0) },
                deadLetter: { await log.gaveUp($0) },
                sleep: { _ in await log.slept() }))
    }

    static func mapping(_ change: (inout EventSourceMapping) -> Void = { _ in }) -> EventSourceMapping {
        var mapping = EventSourceMapping(
            uuid: "m", functionName: "f", eventSourceArn: "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x",
            startingPosition: "TRIM_HORIZON")
        change(&mapping)
        return mapping
    }

    @Test("a successful batch: one invocation with every record, one checkpoint at its last record")
    func success() async throws {
        let log = DeliveryLog()
        let result = try await Self.delivery(Self.mapping(), log: log) { _ in .succeeded(Array("null".utf8)) }
            .deliver(Self.entries(5))
        #expect(result == "OK")
        #expect(await log.batches == [(1...5).map(Self.sequence)])
        #expect(await log.checkpoints == [Self.sequence(5)])
        #expect(await log.deadLetters.isEmpty)
    }

    @Test("BisectBatchOnFunctionError isolates the failing record: it alone goes to the dead letters")
    func bisect() async throws {
        let log = DeliveryLog()
        let poison = Self.sequence(6)
        let mapping = Self.mapping {
            $0.bisectBatchOnFunctionError = true
            $0.maximumRetryAttempts = 2
        }
        let result = try await Self.delivery(mapping, log: log) { sequences in
            sequences.contains(poison) ? .failed(ErrorDocument.make(type: "Poison", message: "no")) : .succeeded([])
        }.deliver(Self.entries(10))
        #expect(result == "OK")
        let deadLetters = await log.deadLetters
        #expect(deadLetters.count == 1)
        #expect(deadLetters.first?.records.map(\.sequenceNumber) == [poison])
        #expect(deadLetters.first?.condition == "RetryAttemptsExhausted")
        #expect(deadLetters.first?.invokeCount == 3, "the first attempt and two retries of the record alone")
        let delivered = await log.batches.filter { !$0.contains(poison) }.flatMap { $0 }
        #expect(delivered == (1...10).map(Self.sequence).filter { $0 != poison }, "every other record once, in order")
        let checkpoints = await log.checkpoints
        #expect(checkpoints == checkpoints.sorted() && checkpoints.last == Self.sequence(10))
        let info = deadLetters.first?.record.objectValue?["DDBStreamBatchInfo"]?.objectValue
        #expect(info?["startSequenceNumber"] == .string(poison) && info?["endSequenceNumber"] == .string(poison))
        #expect(info?["batchSize"] == .number("1") && info?["shardId"] == .string("shard-1"))
    }

    @Test("ReportBatchItemFailures: the records before the lowest reported one are done; the batch resumes at it")
    func partialBatch() async throws {
        let log = DeliveryLog()
        let mapping = Self.mapping { $0.reportBatchItemFailures = true }
        let calls = Counter()
        let result = try await Self.delivery(mapping, log: log) { sequences in
            guard await calls.next() == 1 else { return .succeeded(Array(#"{"batchItemFailures":[]}"#.utf8)) }
            let answer =
                #"{"batchItemFailures":[{"itemIdentifier":"\#(sequences[4])"},{"itemIdentifier":"\#(sequences[2])"}]}"#
            return .succeeded(Array(answer.utf8))
        }.deliver(Self.entries(5))
        #expect(result == "OK")
        #expect(await log.batches == [(1...5).map(Self.sequence), (3...5).map(Self.sequence)])
        #expect(await log.checkpoints == [Self.sequence(2), Self.sequence(5)])
    }

    @Test("an item identifier that is empty or not in the batch fails the whole batch")
    func partialBatchWhole() async throws {
        let log = DeliveryLog()
        let mapping = Self.mapping {
            $0.reportBatchItemFailures = true
            $0.maximumRetryAttempts = 1
        }
        _ = try await Self.delivery(mapping, log: log) { _ in
            .succeeded(Array(#"{"batchItemFailures":[{"itemIdentifier":""}]}"#.utf8))
        }.deliver(Self.entries(3))
        #expect(await log.batches.count == 2)
        #expect(await log.deadLetters.first?.records.count == 3)
        #expect(await log.checkpoints == [Self.sequence(3)])
    }

    @Test("retries exhausted without bisecting: the whole batch is given up after MaximumRetryAttempts")
    func retriesExhausted() async throws {
        let log = DeliveryLog()
        let result = try await Self.delivery(Self.mapping { $0.maximumRetryAttempts = 2 }, log: log) { _ in
            .failed(ErrorDocument.make(type: "Boom", message: "always"))
        }.deliver(Self.entries(4))
        #expect(result == "PROBLEM: Function call failed")
        #expect(await log.batches.count == 3)
        #expect(await log.sleeps == 2)
        let failure = try #require(await log.deadLetters.first)
        #expect(failure.records.count == 4 && failure.invokeCount == 3)
        #expect(String(decoding: failure.error, as: UTF8.self).contains("Boom"))
        #expect(failure.record.objectValue?["responseContext"]?.objectValue?["functionError"] == .string("Unhandled"))
    }

    @Test("throttles are retried without counting against MaximumRetryAttempts")
    func throttled() async throws {
        let log = DeliveryLog()
        let calls = Counter()
        _ = try await Self.delivery(Self.mapping { $0.maximumRetryAttempts = 0 }, log: log) { _ in
            await calls.next() <= 3 ? .throttled : .succeeded([])
        }.deliver(Self.entries(2))
        #expect(await log.deadLetters.isEmpty)
        #expect(await log.checkpoints == [Self.sequence(2)])
    }

    @Test("filtered-out records are not sent but are passed by the checkpoint; an all-filtered batch invokes nothing")
    func filtered() async throws {
        let log = DeliveryLog()
        _ = try await Self.delivery(Self.mapping(), log: log) { _ in .succeeded([]) }
            .deliver(Self.entries(4, excluded: [1, 4]))
        #expect(await log.batches == [[Self.sequence(2), Self.sequence(3)]])
        #expect(await log.checkpoints == [Self.sequence(4)])
        let quiet = DeliveryLog()
        _ = try await Self.delivery(Self.mapping(), log: quiet) { _ in .succeeded([]) }
            .deliver(Self.entries(3, excluded: [1, 2, 3]))
        #expect(await quiet.batches.isEmpty)
        #expect(await quiet.checkpoints == [Self.sequence(3)])
    }

    @Test("records older than MaximumRecordAgeInSeconds go to the dead letters without an invocation")
    func recordAge() async throws {
        let log = DeliveryLog()
        let old = Self.entries(2, arrival: Date().timeIntervalSince1970 - 600)
        let fresh = Self.entries(4).suffix(2)
        _ = try await Self.delivery(Self.mapping { $0.maximumRecordAgeInSeconds = 60 }, log: log) { _ in
            .succeeded([])
        }.deliver(old + fresh)
        let failure = try #require(await log.deadLetters.first)
        #expect(failure.condition == "RecordAgeExceeded" && failure.invokeCount == 0)
        #expect(failure.record.objectValue?["responseContext"] == nil)
        #expect(await log.batches == [[Self.sequence(3), Self.sequence(4)]])
    }

    @Test("the Lambda record: eventSourceARN added, a TTL deletion's identity in lower case")
    func lambdaRecord() throws {
        let stored = try JSON.parse(
            Array(
                #"{"eventName":"REMOVE","userIdentity":{"Type":"Service","PrincipalId":"dynamodb.amazonaws.com"},"dynamodb":{"SequenceNumber":"100000000000000000001","ApproximateCreationDateTime":1700000000}}"#
                    .utf8))
        let entry = try #require(StreamEventRecord(streamRecord: stored, streamArn: "arn:s", filters: []))
        let record = entry.record.objectValue
        #expect(record?["eventSourceARN"] == .string("arn:s"))
        #expect(
            record?["userIdentity"]
                == .object(["type": .string("Service"), "principalId": .string("dynamodb.amazonaws.com")]))
        #expect(entry.arrival == 1_700_000_000)
        let ttlOnly = try EventFilterPattern(
            #"{"userIdentity":{"type":["Service"],"principalId":["dynamodb.amazonaws.com"]}}"#)
        #expect(StreamEventRecord(streamRecord: stored, streamArn: "arn:s", filters: [ttlOnly])?.included == true)
    }
}

/// Counts calls across tasks.
actor Counter {
    private var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
