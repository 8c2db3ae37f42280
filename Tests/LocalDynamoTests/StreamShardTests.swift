import BuildingBlocks
import ClockTestSupport
import Foundation
import SQLiteSupport
import Testing

@testable import LocalDynamo

@Suite struct StreamShardTests {
    @Test func openShardRollsOverToAChildAfterFourHours() throws {
        let clock = ManualWallClock(secondsSinceEpoch: 2_000_000_000)
        let db = try EngineHarness(clock: clock)
        try db.createTable(extra: #","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}"#)
        let arn = try #require(
            db.call("DescribeTable", #"{"TableName":"jobs"}"#)["Table"]?["LatestStreamArn"]?.stringValue)
        func shards() throws -> [JSON] {
            try db.call("DescribeStream", #"{"StreamArn":"\#(arn)"}"#)["StreamDescription"]?["Shards"]?.arrayValue ?? []
        }
        func iterator(_ shard: JSON?) throws -> String {
            let id = shard?["ShardId"]?.stringValue ?? ""
            return try db.call(
                "GetShardIterator", #"{"StreamArn":"\#(arn)","ShardId":"\#(id)","ShardIteratorType":"TRIM_HORIZON"}"#
            )["ShardIterator"]?.stringValue ?? ""
        }
        // An empty shard never rolls over, however old.
        clock.advance(seconds: 5 * 3600)
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"}}}"#)
        #expect(try shards().count == 1)
        clock.advance(seconds: 4 * 3600)
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"b"}}}"#)
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"c"}}}"#)
        let list = try shards()
        #expect(list.count == 2)
        let parent = list.first
        let child = list.last
        #expect(child?["ParentShardId"] == parent?["ShardId"])
        #expect(parent?["SequenceNumberRange"]?["EndingSequenceNumber"] != nil)
        #expect(child?["SequenceNumberRange"]?["EndingSequenceNumber"] == nil)
        let first = try db.call("GetRecords", #"{"ShardIterator":"\#(try iterator(parent))"}"#)
        #expect(first["Records"]?.arrayValue?.compactMap { $0["dynamodb"]?["Keys"]?["pk"]?["S"]?.stringValue } == ["a"])
        // The closed parent read to its end gives no next iterator; the child holds the rest.
        #expect(first["NextShardIterator"] == nil)
        let second = try db.call("GetRecords", #"{"ShardIterator":"\#(try iterator(child))"}"#)
        #expect(second["Records"]?.arrayValue?.count == 2)
        #expect(second["NextShardIterator"] != nil)
        let paged = try db.call("DescribeStream", #"{"StreamArn":"\#(arn)","Limit":1}"#)["StreamDescription"]
        #expect(paged?["LastEvaluatedShardId"] == parent?["ShardId"])
        // Disabling closes the open shard too.
        try db.call("UpdateTable", #"{"TableName":"jobs","StreamSpecification":{"StreamEnabled":false}}"#)
        #expect(try shards().allSatisfy { $0["SequenceNumberRange"]?["EndingSequenceNumber"] != nil })
        // A day later the records, then the disabled stream and its shards, are gone.
        clock.advance(seconds: 25 * 3600)
        try db.engine.sweepExpiredItems()
        #expect(try db.call("ListStreams", "{}")["Streams"]?.arrayValue?.isEmpty == true)
    }
}

@Suite struct StreamReopenTests {
    /// A clock at a fractional second, as a real one is nearly always.
    static func fractionalClock() -> ManualWallClock { ManualWallClock(secondsSinceEpoch: 2_000_000_000.123_456) }

    @Test("a stream created with its table is the table's stream again after the store is reopened")
    func streamSurvivesReopen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reopen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = try JSON.parse(
            Array(
                #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}}"#
                    .utf8))
        let describe = try JSON.parse(Array(#"{"TableName":"jobs"}"#.utf8))
        let first = try DynamoEngine(dataDirectory: directory.path, clock: Self.fractionalClock())
        _ = try first.perform("CreateTable", request)
        let arn = try first.perform("DescribeTable", describe).objectValue?["Table"]?.objectValue?["LatestStreamArn"]
        #expect(arn != nil)
        let reopened = try DynamoEngine(dataDirectory: directory.path, clock: Self.fractionalClock())
        let table = try reopened.perform("DescribeTable", describe).objectValue?["Table"]?.objectValue
        #expect(table?["LatestStreamArn"] == arn)
        #expect(table?["StreamSpecification"]?.objectValue?["StreamEnabled"] == .bool(true))
    }
}

@Suite struct StreamLogTests {
    static let table =
        #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}}"#

    static func call(_ engine: DynamoEngine, _ operation: String, _ request: String) throws -> JSON {
        try engine.perform(operation, try JSON.parse(Array(request.utf8)))
    }

    static func put(_ engine: DynamoEngine, _ key: String) throws {
        _ = try call(engine, "PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"\#(key)"}}}"#)
    }

    /// The sequence numbers of every record of the table's stream, oldest first.
    static func sequences(_ engine: DynamoEngine) throws -> [Int64] {
        let table = try call(engine, "DescribeTable", #"{"TableName":"jobs"}"#).objectValue?["Table"]?.objectValue
        guard case .string(let arn)? = table?["LatestStreamArn"] else { return [] }
        let description = try call(engine, "DescribeStream", #"{"StreamArn":"\#(arn)"}"#)
        guard case .array(let shards)? = description.objectValue?["StreamDescription"]?.objectValue?["Shards"],
            case .string(let shard)? = shards.first?.objectValue?["ShardId"]
        else { return [] }
        let iterator = try call(
            engine, "GetShardIterator",
            #"{"StreamArn":"\#(arn)","ShardId":"\#(shard)","ShardIteratorType":"TRIM_HORIZON"}"#)
        guard case .string(let position)? = iterator.objectValue?["ShardIterator"] else { return [] }
        let page = try call(engine, "GetRecords", #"{"ShardIterator":"\#(position)"}"#)
        guard case .array(let records)? = page.objectValue?["Records"] else { return [] }
        return records.compactMap { record in
            guard case .string(let text)? = record.objectValue?["dynamodb"]?.objectValue?["SequenceNumber"] else {
                return nil
            }
            return StreamRecords.sequence(text)
        }
    }

    @Test("records trimmed to the last one do not let a sequence number be issued again after a restart")
    func numbersNeverRepeat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = ManualWallClock(secondsSinceEpoch: 2_000_000_000)
        var before: [Int64] = []
        do {
            let engine = try DynamoEngine(dataDirectory: directory.path, clock: clock)
            _ = try Self.call(engine, "CreateTable", Self.table)
            for key in ["a", "b", "c"] { try Self.put(engine, key) }
            before = try Self.sequences(engine)
            clock.advance(seconds: 25 * 3600)
            try engine.sweepExpiredItems()
            #expect(try Self.sequences(engine).isEmpty)
        }
        let reopened = try DynamoEngine(dataDirectory: directory.path, clock: clock)
        try Self.put(reopened, "d")
        let after = try Self.sequences(reopened)
        #expect(before.count == 3 && after.count == 1)
        #expect(after[0] > before[2])
    }

    @Test("a store from before stream_log keeps its records and numbers")
    func migratesStreamRecords() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var before: [Int64] = []
        do {
            let engine = try DynamoEngine(
                dataDirectory: directory.path, clock: ManualWallClock(secondsSinceEpoch: 2_000_000_000))
            _ = try Self.call(engine, "CreateTable", Self.table)
            for key in ["a", "b"] { try Self.put(engine, key) }
            before = try Self.sequences(engine)
        }
        // The earlier layout: an AUTOINCREMENT table whose counter is past its records (some were trimmed).
        do {
            let database = try SQLiteConnection(path: directory.appendingPathComponent("localdynamo.sqlite3").path)
            try database.execute(
                """
                CREATE TABLE stream_records(
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, arn TEXT NOT NULL, created REAL NOT NULL, record BLOB NOT NULL);
                CREATE INDEX stream_records_by_arn ON stream_records(arn, seq);
                INSERT INTO stream_records(seq, arn, created, record) SELECT seq, arn, created, record FROM stream_log;
                DELETE FROM stream_log;
                DELETE FROM stream_state;
                UPDATE sqlite_sequence SET seq = 40 WHERE name = 'stream_records';
                """)
        }
        let reopened = try DynamoEngine(
            dataDirectory: directory.path, clock: ManualWallClock(secondsSinceEpoch: 2_000_000_000))
        #expect(try Self.sequences(reopened) == before)
        try Self.put(reopened, "c")
        let after = try Self.sequences(reopened)
        #expect(after.count == 3 && after[2] == 41)
    }
}
