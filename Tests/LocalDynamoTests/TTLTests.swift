import BuildingBlocks
import ClockTestSupport
import Testing

@testable import LocalDynamo

@Suite struct TTLTests {
    @Test func sweepDeletesOnlyExpiredNumbers() throws {
        let clock = ManualWallClock(secondsSinceEpoch: 2_000_000_000)
        let db = try EngineHarness(clock: clock)
        try db.createTable()
        try db.call(
            "UpdateTimeToLive",
            #"{"TableName":"jobs","TimeToLiveSpecification":{"AttributeName":"expires_at","Enabled":true}}"#)
        let described = try db.call("DescribeTimeToLive", #"{"TableName":"jobs"}"#)
        #expect(described["TimeToLiveDescription"]?["TimeToLiveStatus"] == .string("ENABLED"))
        let rows: [(String, String)] = [
            ("past", #"{"N":"1999999999.5"}"#), ("future", #"{"N":"2000000100"}"#), ("now", #"{"N":"2000000000"}"#),
            ("string", #"{"S":"1"}"#), ("ancient", #"{"N":"1000"}"#), ("exponent", #"{"N":"1999999e3"}"#),
        ]
        for (key, value) in rows {
            try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"\#(key)"},"expires_at":\#(value)}}"#)
        }
        // Expired but not yet swept: still visible, as on AWS.
        #expect(try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"past"}}}"#)["Item"] != nil)
        #expect(try db.engine.sweepExpiredItems() == 2)
        let remaining = try db.call("Scan", #"{"TableName":"jobs"}"#)
        let keys = Set((remaining["Items"]?.arrayValue ?? []).compactMap { $0["pk"]?["S"]?.stringValue })
        #expect(keys == ["future", "now", "string", "ancient"])
        clock.advance(seconds: 101)
        #expect(try db.engine.sweepExpiredItems() == 2)
        #expect(try db.engine.sweepExpiredItems() == 0)
    }

    @Test func enablingCoversExistingItemsAndRulesHold() throws {
        let clock = ManualWallClock(secondsSinceEpoch: 2_000_000_000)
        let db = try EngineHarness(clock: clock)
        try db.createTable()
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"old"},"ttl":{"N":"1999999000"}}}"#)
        #expect(try db.engine.sweepExpiredItems() == 0)
        try db.call(
            "UpdateTimeToLive",
            #"{"TableName":"jobs","TimeToLiveSpecification":{"AttributeName":"ttl","Enabled":true}}"#)
        let twice = try db.failure(
            "UpdateTimeToLive",
            #"{"TableName":"jobs","TimeToLiveSpecification":{"AttributeName":"ttl","Enabled":true}}"#)
        #expect(twice.kind == .validation)
        let other = try db.failure(
            "UpdateTimeToLive", #"{"TableName":"jobs","TimeToLiveSpecification":{"AttributeName":"x","Enabled":false}}"#
        )
        #expect(other.message?.contains("different") == true)
        #expect(try db.engine.sweepExpiredItems() == 1)
    }
}
