import Testing

@testable import LocalDynamo

@Suite struct QueryTests {
    func filled() throws -> EngineHarness {
        let db = try EngineHarness()
        try db.createTable(range: "sk", rangeType: "N")
        for value in ["-10", "-2.5", "0", "1", "2", "10", "100"] {
            try db.call(
                "PutItem",
                #"{"TableName":"jobs","Item":{"pk":{"S":"p"},"sk":{"N":"\#(value)"},"odd":{"BOOL":\#(value == "1" ? "true" : "false")}}}"#
            )
        }
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"other"},"sk":{"N":"5"}}}"#)
        return db
    }

    func sortKeys(_ response: JSON) -> [String] {
        (response["Items"]?.arrayValue ?? []).compactMap { $0["sk"]?["N"]?.stringValue }
    }

    @Test func numericSortOrderBothWays() throws {
        let db = try filled()
        let forward = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}}"#)
        #expect(sortKeys(forward) == ["-10", "-2.5", "0", "1", "2", "10", "100"])
        let backward = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p","ScanIndexForward":false,"ExpressionAttributeValues":{":p":{"S":"p"}}}"#
        )
        #expect(sortKeys(backward) == ["100", "10", "2", "1", "0", "-2.5", "-10"])
        let between = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p AND sk BETWEEN :a AND :b","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"-2.5"},":b":{"N":"2"}}}"#
        )
        #expect(sortKeys(between) == ["-2.5", "0", "1", "2"])
        let greater = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p AND sk > :a","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"2"}}}"#
        )
        #expect(sortKeys(greater) == ["10", "100"])
    }

    @Test func limitAndPagination() throws {
        let db = try filled()
        var start = ""
        var seen: [String] = []
        var pages = 0
        repeat {
            let page = try db.call(
                "Query",
                #"{"TableName":"jobs","KeyConditionExpression":"pk = :p","Limit":3,"ExpressionAttributeValues":{":p":{"S":"p"}}\#(start)}"#
            )
            seen += sortKeys(page)
            pages += 1
            if let last = page["LastEvaluatedKey"] {
                start = #","ExclusiveStartKey":"# + String(decoding: last.serialized(), as: UTF8.self)
            } else {
                start = ""
            }
        } while !start.isEmpty && pages < 10
        #expect(seen == ["-10", "-2.5", "0", "1", "2", "10", "100"])
        #expect(pages == 3)
    }

    @Test func filterCountsAndSelectCount() throws {
        let db = try filled()
        let filtered = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p","FilterExpression":"odd = :t","ExpressionAttributeValues":{":p":{"S":"p"},":t":{"BOOL":true}}}"#
        )
        #expect(filtered["Count"] == .number("1") && filtered["ScannedCount"] == .number("7"))
        let count = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p","Select":"COUNT","ExpressionAttributeValues":{":p":{"S":"p"}}}"#
        )
        #expect(count["Count"] == .number("7") && count["Items"] == nil)
        let keyFilter = try db.failure(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p","FilterExpression":"sk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}}"#
        )
        #expect(keyFilter.message?.contains("Primary key attribute: sk") == true)
        let noHash = try db.failure(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"sk = :p","ExpressionAttributeValues":{":p":{"N":"1"}}}"#)
        #expect(noHash.message == "Query condition missed key schema element: pk")
    }

    @Test func scanSegmentsCoverTheTableOnce() throws {
        let db = try filled()
        let all = try db.call("Scan", #"{"TableName":"jobs"}"#)
        #expect(all["Count"] == .number("8"))
        var total = 0
        for segment in 0..<3 {
            let part = try db.call("Scan", #"{"TableName":"jobs","Segment":\#(segment),"TotalSegments":3}"#)
            total += part["Items"]?.arrayValue?.count ?? 0
        }
        #expect(total == 8)
    }

    @Test func stringKeysSortBytewise() throws {
        let db = try EngineHarness()
        try db.createTable(range: "sk")
        for value in ["b", "a", "B", "é", "ab", "z"] {
            try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"p"},"sk":{"S":"\#(value)"}}}"#)
        }
        let result = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}}"#)
        let keys = (result["Items"]?.arrayValue ?? []).compactMap { $0["sk"]?["S"]?.stringValue }
        #expect(keys == ["B", "a", "ab", "b", "z", "é"])
        let prefix = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p AND begins_with(sk, :a)","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"S":"a"}}}"#
        )
        #expect(prefix["Count"] == .number("2"))
    }
}

@Suite struct IndexTests {
    @Test func globalIndexIsSparseProjectedAndMaintained() throws {
        let db = try EngineHarness()
        try db.call(
            "CreateTable",
            #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"owner_id","AttributeType":"S"}],"GlobalSecondaryIndexes":[{"IndexName":"by_owner","KeySchema":[{"AttributeName":"owner_id","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]}"#
        )
        for (key, owner) in [("a", "ann"), ("b", "bob"), ("c", "ann"), ("d", nil)] {
            let ownerAttribute = owner.map { #","owner_id":{"S":"\#($0)"}"# } ?? ""
            try db.call(
                "PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"\#(key)"},"x":{"N":"1"}\#(ownerAttribute)}}"#)
        }
        let query =
            #"{"TableName":"jobs","IndexName":"by_owner","KeyConditionExpression":"owner_id = :o","ExpressionAttributeValues":{":o":{"S":"ann"}}}"#
        let ann = try db.call("Query", query)
        #expect(ann["Count"] == .number("2"))
        #expect(ann["Items"]?.arrayValue?.allSatisfy { $0["x"] == nil } == true)
        #expect(try db.call("Scan", #"{"TableName":"jobs","IndexName":"by_owner"}"#)["Count"] == .number("3"))
        try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE owner_id"}"#)
        try db.call("DeleteItem", #"{"TableName":"jobs","Key":{"pk":{"S":"b"}}}"#)
        #expect(try db.call("Query", query)["Count"] == .number("1"))
        #expect(try db.call("Scan", #"{"TableName":"jobs","IndexName":"by_owner"}"#)["Count"] == .number("1"))
        let wrongType = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"e"},"owner_id":{"N":"1"}}}"#)
        #expect(wrongType.message?.contains("Type mismatch for Index Key owner_id") == true)
        let missing = try db.failure(
            "Query",
            #"{"TableName":"jobs","IndexName":"nope","KeyConditionExpression":"pk = :o","ExpressionAttributeValues":{":o":{"S":"a"}}}"#
        )
        #expect(missing.kind == .validation)
    }
}
