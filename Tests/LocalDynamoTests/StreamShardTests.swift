import Foundation
import Testing

@testable import LocalDynamo

@Suite struct StreamShardTests {
    @Test func openShardRollsOverToAChildAfterFourHours() throws {
        let clock = ManualClock(2_000_000_000)
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
        clock.advance(by: 5 * 3600)
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"}}}"#)
        #expect(try shards().count == 1)
        clock.advance(by: 4 * 3600)
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
        clock.advance(by: 25 * 3600)
        try db.engine.sweepExpiredItems()
        #expect(try db.call("ListStreams", "{}")["Streams"]?.arrayValue?.isEmpty == true)
    }
}

@Suite struct StreamReopenTests {
    /// A clock at a fractional second, as a real one is nearly always.
    struct FixedClock: DynamoClock {
        func now() -> Double { 2_000_000_000.123_456 }
    }

    @Test("a stream created with its table is the table's stream again after the store is reopened")
    func streamSurvivesReopen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reopen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = try JSON.parse(
            Array(
                #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}}"#
                    .utf8))
        let describe = try JSON.parse(Array(#"{"TableName":"jobs"}"#.utf8))
        let first = try DynamoEngine(dataDirectory: directory.path, clock: FixedClock())
        _ = try first.perform("CreateTable", request)
        let arn = try first.perform("DescribeTable", describe).objectValue?["Table"]?.objectValue?["LatestStreamArn"]
        #expect(arn != nil)
        let reopened = try DynamoEngine(dataDirectory: directory.path, clock: FixedClock())
        let table = try reopened.perform("DescribeTable", describe).objectValue?["Table"]?.objectValue
        #expect(table?["LatestStreamArn"] == arn)
        #expect(table?["StreamSpecification"]?.objectValue?["StreamEnabled"] == .bool(true))
    }
}
