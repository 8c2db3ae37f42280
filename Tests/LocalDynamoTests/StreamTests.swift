import BuildingBlocks
import ClockTestSupport
import Testing

@testable import LocalDynamo

/// A table with a stream, read back through the Streams actions.
private struct StreamHarness {
    let db: EngineHarness
    let clock: ManualWallClock

    init(viewType: String = "NEW_AND_OLD_IMAGES") throws {
        clock = ManualWallClock(secondsSinceEpoch: 2_000_000_000)
        db = try EngineHarness(clock: clock)
        try db.createTable(
            extra: #","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"\#(viewType)"}"#)
    }

    var streamArn: String {
        get throws {
            try db.call("DescribeTable", #"{"TableName":"jobs"}"#)["Table"]?["LatestStreamArn"]?.stringValue ?? ""
        }
    }

    func iterator(_ type: String, sequence: String? = nil) throws -> String {
        let arn = try streamArn
        let shard =
            try db.call("DescribeStream", #"{"StreamArn":"\#(arn)"}"#)["StreamDescription"]?["Shards"]?.arrayValue?
            .first?["ShardId"]?.stringValue ?? ""
        let extra = sequence.map { #","SequenceNumber":"\#($0)""# } ?? ""
        return try db.call(
            "GetShardIterator",
            #"{"StreamArn":"\#(arn)","ShardId":"\#(shard)","ShardIteratorType":"\#(type)"\#(extra)}"#
        )["ShardIterator"]?.stringValue ?? ""
    }

    func records(_ iterator: String, limit: Int? = nil) throws -> (records: [JSON], next: String?) {
        let extra = limit.map { #","Limit":\#($0)"# } ?? ""
        let response = try db.call("GetRecords", #"{"ShardIterator":"\#(iterator)"\#(extra)}"#)
        return (response["Records"]?.arrayValue ?? [], response["NextShardIterator"]?.stringValue)
    }

    func all() throws -> [JSON] { try records(try iterator("TRIM_HORIZON")).records }
}

@Suite struct StreamTests {
    @Test func writesEmitRecordsAndNoOpsDoNot() throws {
        let s = try StreamHarness()
        try s.db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"n":{"N":"1"}}}"#)
        try s.db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"n":{"N":"1"}}}"#)
        try s.db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET n = :v","ExpressionAttributeValues":{":v":{"N":"2"}}}"#
        )
        try s.db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET n = :v","ExpressionAttributeValues":{":v":{"N":"2"}}}"#
        )
        try s.db.call("DeleteItem", #"{"TableName":"jobs","Key":{"pk":{"S":"a"}}}"#)
        try s.db.call("DeleteItem", #"{"TableName":"jobs","Key":{"pk":{"S":"a"}}}"#)
        let records = try s.all()
        #expect(records.map { $0["eventName"]?.stringValue } == ["INSERT", "MODIFY", "REMOVE"])
        let modify = records[1]["dynamodb"]
        #expect(modify?["OldImage"]?["n"]?["N"] == .string("1"))
        #expect(modify?["NewImage"]?["n"]?["N"] == .string("2"))
        #expect(modify?["Keys"] == .object(["pk": .object(["S": .string("a")])]))
        #expect(modify?["StreamViewType"] == .string("NEW_AND_OLD_IMAGES"))
        #expect(modify?["ApproximateCreationDateTime"] == .number("2000000000"))
        #expect(records[0]["eventSource"] == .string("aws:dynamodb"))
        #expect(records[0]["awsRegion"] == .string("us-east-1"))
        let sequences = records.compactMap { $0["dynamodb"]?["SequenceNumber"]?.stringValue }
        #expect(sequences.count == 3 && sequences.allSatisfy { $0.count == 21 })
        #expect(sequences == sequences.sorted())
        #expect(Set(records.compactMap { $0["eventID"]?.stringValue }).count == 3)
    }

    @Test(arguments: [
        ("NEW_IMAGE", true, false), ("OLD_IMAGE", false, true), ("NEW_AND_OLD_IMAGES", true, true),
        ("KEYS_ONLY", false, false),
    ])
    func viewTypesCarryTheirImages(viewType: String, hasNew: Bool, hasOld: Bool) throws {
        let s = try StreamHarness(viewType: viewType)
        try s.db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"n":{"N":"1"}}}"#)
        try s.db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"n":{"N":"2"}}}"#)
        let modify = try s.all()[1]["dynamodb"]
        #expect((modify?["NewImage"] != nil) == hasNew)
        #expect((modify?["OldImage"] != nil) == hasOld)
        #expect(modify?["Keys"] != nil)
        #expect(modify?["StreamViewType"] == .string(viewType))
    }

    @Test func transactionsBatchesAndTTLEmitRecords() throws {
        let s = try StreamHarness()
        try s.db.call(
            "TransactWriteItems",
            #"{"TransactItems":[{"Put":{"TableName":"jobs","Item":{"pk":{"S":"t1"}}}},{"Put":{"TableName":"jobs","Item":{"pk":{"S":"t2"},"exp":{"N":"1999999999"}}}}]}"#
        )
        try s.db.call(
            "BatchWriteItem",
            #"{"RequestItems":{"jobs":[{"PutRequest":{"Item":{"pk":{"S":"b1"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"t1"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"none"}}}}]}}"#
        )
        // A cancelled transaction emits nothing.
        _ = try s.db.failure(
            "TransactWriteItems",
            #"{"TransactItems":[{"Put":{"TableName":"jobs","Item":{"pk":{"S":"x"}}}},{"ConditionCheck":{"TableName":"jobs","Key":{"pk":{"S":"none"}},"ConditionExpression":"attribute_exists(pk)"}}]}"#
        )
        try s.db.call(
            "UpdateTimeToLive",
            #"{"TableName":"jobs","TimeToLiveSpecification":{"AttributeName":"exp","Enabled":true}}"#)
        #expect(try s.db.engine.sweepExpiredItems() == 1)
        let records = try s.all()
        #expect(records.map { $0["eventName"]?.stringValue } == ["INSERT", "INSERT", "INSERT", "REMOVE", "REMOVE"])
        #expect(records[3]["userIdentity"] == nil)
        let ttl = records[4]
        #expect(ttl["dynamodb"]?["Keys"]?["pk"]?["S"] == .string("t2"))
        #expect(ttl["userIdentity"]?["Type"] == .string("Service"))
        #expect(ttl["userIdentity"]?["PrincipalId"] == .string("dynamodb.amazonaws.com"))
    }

    @Test func iteratorTypesLimitPagingAndExpiry() throws {
        let s = try StreamHarness()
        let latest = try s.iterator("LATEST")
        for index in 0..<5 {
            try s.db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"k\#(index)"}}}"#)
        }
        let sequences = try s.all().compactMap { $0["dynamodb"]?["SequenceNumber"]?.stringValue }
        #expect(sequences.count == 5)
        #expect(try s.records(latest).records.count == 5)
        #expect(try s.records(try s.iterator("LATEST")).records.isEmpty)
        #expect(try s.records(try s.iterator("AT_SEQUENCE_NUMBER", sequence: sequences[2])).records.count == 3)
        #expect(try s.records(try s.iterator("AFTER_SEQUENCE_NUMBER", sequence: sequences[2])).records.count == 2)
        var iterator = try s.iterator("TRIM_HORIZON")
        var pages: [Int] = []
        for _ in 0..<4 {
            let page = try s.records(iterator, limit: 2)
            pages.append(page.records.count)
            iterator = try #require(page.next)
        }
        #expect(pages == [2, 2, 1, 0])
        try s.db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"late"}}}"#)
        #expect(try s.records(iterator).records.count == 1)
        let old = try s.iterator("TRIM_HORIZON")
        s.clock.advance(seconds: 15 * 60 + 1)
        let expired = try s.db.failure("GetRecords", #"{"ShardIterator":"\#(old)"}"#)
        #expect(expired.kind == .expiredIterator)
        #expect(expired.body()["__type"]?.stringValue?.hasSuffix("#ExpiredIteratorException") == true)
        let badLimit = try s.db.failure("GetRecords", #"{"ShardIterator":"\#(try s.iterator("LATEST"))","Limit":0}"#)
        #expect(badLimit.kind == .validation)
    }

    @Test func describeListAndUpdateTable() throws {
        let s = try StreamHarness(viewType: "KEYS_ONLY")
        let table = try s.db.call("DescribeTable", #"{"TableName":"jobs"}"#)["Table"]
        let arn = try s.streamArn
        #expect(arn.hasPrefix("arn:aws:dynamodb:us-east-1:000000000000:table/jobs/stream/2033-05-18T03:33:20.000"))
        #expect(table?["LatestStreamLabel"]?.stringValue == "2033-05-18T03:33:20.000")
        #expect(table?["StreamSpecification"]?["StreamViewType"] == .string("KEYS_ONLY"))
        let listed = try s.db.call("ListStreams", #"{"TableName":"jobs"}"#)["Streams"]?.arrayValue ?? []
        #expect(listed.map { $0["StreamArn"]?.stringValue } == [arn])
        let again = try s.db.failure(
            "UpdateTable",
            #"{"TableName":"jobs","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}}"#)
        #expect(again.kind == .resourceInUse)
        try s.db.call("UpdateTable", #"{"TableName":"jobs","StreamSpecification":{"StreamEnabled":false}}"#)
        let disabled = try s.db.call("DescribeStream", #"{"StreamArn":"\#(arn)"}"#)["StreamDescription"]
        #expect(disabled?["StreamStatus"] == .string("DISABLED"))
        try s.db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"unseen"}}}"#)
        s.clock.advance(seconds: 1)
        try s.db.call(
            "UpdateTable",
            #"{"TableName":"jobs","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}}"#)
        let newArn = try s.streamArn
        #expect(newArn != arn)
        #expect(try s.all().isEmpty)
        #expect(try s.db.call("ListStreams", "{}")["Streams"]?.arrayValue?.count == 2)
        let badType = try s.db.failure(
            "CreateTable",
            #"{"TableName":"other","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"ALL"}}"#
        )
        #expect(badType.kind == .validation)
    }

    @Test func recordsAreKeptOneDay() throws {
        let s = try StreamHarness()
        try s.db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"}}}"#)
        s.clock.advance(seconds: 24 * 3600 - 1)
        try s.db.engine.sweepExpiredItems()
        #expect(try s.all().count == 1)
        s.clock.advance(seconds: 2)
        try s.db.engine.sweepExpiredItems()
        #expect(try s.all().isEmpty)
    }
}
