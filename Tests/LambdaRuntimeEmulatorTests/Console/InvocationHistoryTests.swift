import Foundation
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct InvocationHistoryTests {
    static func request(_ id: String, payload: String = "{}") -> InvocationRequest {
        InvocationRequest(requestID: id, payload: Array(payload.utf8))
    }

    @Test func theRingKeepsTheNewestRecords() {
        let history = InvocationHistory(capacity: 3)
        let tokens = (1...5).map { history.invocationStarted(Self.request("r\($0)"), function: "f") }
        #expect(history.records().map(\.requestID) == ["r5", "r4", "r3"])
        #expect(history.records(limit: 2).map(\.sequence) == [tokens[4], tokens[3]])
        #expect(history.record(tokens[0]) == nil)
        #expect(history.records().allSatisfy { $0.status == .running })

        // The end of an invocation whose record was overwritten changes nothing.
        let before = history.version
        history.invocationEnded(tokens[0], result: nil)
        #expect(history.version == before)
        #expect(history.records().count == 3)

        history.invocationEnded(tokens[3], result: nil)
        #expect(history.record(tokens[3])?.status == .throttled)
        #expect(history.record(tokens[3])?.errorType == "TooManyRequestsException")
        #expect(history.changes(after: before).map(\.sequence) == [tokens[3]])
    }

    @Test func longEventsAndLogsAreCutLongOnesShared() {
        let history = InvocationHistory(capacity: 2)
        let big = "\"" + String(repeating: "x", count: InvocationHistory.previewLimit * 2) + "\""
        let token = history.invocationStarted(Self.request("big", payload: big), function: "f")
        let record = history.record(token)
        #expect(record?.payload.count == InvocationHistory.previewLimit)
        #expect(record?.payloadSize == big.utf8.count)
        let lines = (0..<5000).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let tail = InvocationHistory.suffix(Array(lines.utf8), 100)
        #expect(tail.count <= 100)
        #expect(String(decoding: tail, as: UTF8.self).hasPrefix("line "))
        #expect(String(decoding: tail, as: UTF8.self).hasSuffix("line 4999\n"))
    }

    @Test func searchLooksAtTheRequestIDEventAndLog() {
        let history = InvocationHistory(capacity: 4)
        _ = history.invocationStarted(Self.request("abc-123", payload: #"{"job_id":"j-42"}"#), function: "f")
        #expect(history.records { $0.mentions(Array("j-42".utf8)) }.count == 1)
        #expect(history.records { $0.mentions(Array("abc-1".utf8)) }.count == 1)
        #expect(history.records { $0.mentions(Array("nothing".utf8)) }.isEmpty)
        #expect(history.records { $0.mentions([]) }.count == 1)
    }

    @Test func changeSignalsWakeAListener() async {
        let history = InvocationHistory(capacity: 4)
        let signals = history.changeSignals()
        _ = history.invocationStarted(Self.request("one"), function: "f")
        var iterator = signals.makeAsyncIterator()
        #expect(await iterator.next() != nil)
    }

    /// Two invocations at once, each on its own environment: each record holds its own lines and its own
    /// START/END/REPORT, never the other's.
    @Test func eachInvocationKeepsItsOwnLogLines() async throws {
        let history = InvocationHistory(capacity: 10)
        let function = try Fixtures.function(concurrency: 2)
        let pool = FunctionPool(function: function, observer: history) {
            ExecutionEnvironment(function: function, sink: RecordingSink(), logger: Fixtures.logger)
        }
        async let first = pool.invoke(
            InvocationRequest(requestID: "req-a", payload: Array(#"{"action":"print","line":"marker-a"}"#.utf8)))
        async let second = pool.invoke(
            InvocationRequest(requestID: "req-b", payload: Array(#"{"action":"print","line":"marker-b"}"#.utf8)))
        _ = try await (first, second)
        for (id, own, other) in [("req-a", "marker-a", "marker-b"), ("req-b", "marker-b", "marker-a")] {
            let record = try #require(history.records { $0.requestID == id }.first)
            let log = String(decoding: record.log, as: UTF8.self)
            #expect(log.contains(own))
            #expect(!log.contains(other))
            #expect(log.contains("START RequestId: \(id)"))
            #expect(log.contains("REPORT RequestId: \(id)"))
            #expect(record.status == .success)
            #expect(record.report?.coldStart == true)
            #expect(record.report?.initDuration != nil)
        }
        await pool.shutdown()
        let snapshots = await pool.snapshots()
        #expect(snapshots.map(\.invocationsServed).reduce(0, +) == 2)
    }
}

@Suite struct LiveStreamBatchTests {
    @Test func aBatchCarriesTheNewestChangesAndSaysWhenItLeftSomeOut() throws {
        let history = InvocationHistory(capacity: 1000)
        let tokens = (0..<250).map {
            history.invocationStarted(InvocationHistoryTests.request("r\($0)"), function: "f")
        }
        let (records, truncated) = InvocationsAPI.batch(history.changes(after: 0))
        #expect(truncated)
        #expect(records.count == InvocationsAPI.batchLimit)
        #expect(records.last?.sequence == tokens.last)
        #expect(records.first?.sequence == tokens[50])

        let since = history.version
        history.invocationEnded(tokens[0], result: nil)
        let (few, cut) = InvocationsAPI.batch(history.changes(after: since))
        #expect(!cut)
        #expect(few.map(\.sequence) == [tokens[0]])

        let text = String(decoding: try InvocationsAPI.event(records, version: 7, truncated: true), as: UTF8.self)
        #expect(text.hasPrefix("event: invocations\ndata: {"))
        #expect(text.hasSuffix("}\n\n"))
        let json = try #require(text.split(separator: "\n").first { $0.hasPrefix("data: ") }?.dropFirst(6))
        let batch = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(batch?["truncated"] as? Bool == true)
        #expect(batch?["version"] as? Int == 7)
        #expect((batch?["invocations"] as? [Any])?.count == 200)
    }
}
