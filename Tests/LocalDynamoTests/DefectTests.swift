import Testing

@testable import LocalDynamo

/// Behaviours an outside compatibility suite found wrong; each assertion failed before its fix.
@Suite struct DefectTests {
    func table() throws -> EngineHarness {
        let db = try EngineHarness()
        try db.createTable()
        return db
    }

    func update(_ db: EngineHarness, _ expression: String, values: String = "") throws {
        let attributeValues = values.isEmpty ? "" : #","ExpressionAttributeValues":\#(values)"#
        try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"k"}},"UpdateExpression":"\#(expression)"\#(attributeValues)}"#)
    }

    @Test func removeThroughAScalarIsInvalid() throws {
        let db = try table()
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"k"},"a":{"S":"text"}}}"#)
        for expression in ["REMOVE a.c", "REMOVE a[0]"] {
            let failure = try db.failure(
                "UpdateItem", #"{"TableName":"jobs","Key":{"pk":{"S":"k"}},"UpdateExpression":"\#(expression)"}"#)
            #expect(failure.message == "The document path provided in the update expression is invalid for update")
        }
    }

    @Test func setPastTheEndAppendsInIndexOrder() throws {
        let db = try table()
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"k"},"a":{"L":[{"S":"0"}]}}}"#)
        try update(db, "SET a[9] = :x, a[5] = :y", values: #"{":x":{"S":"nine"},":y":{"S":"five"}}"#)
        let item = try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"k"}}}"#)["Item"]
        #expect(
            item?["a"]?["L"]
                == .array([
                    .object(["S": .string("0")]), .object(["S": .string("five")]),
                    .object(["S": .string("nine")]),
                ]))
    }

    @Test func numbersAcceptALeadingPlus() throws {
        #expect(try number("+5").description == "5")
        #expect(try number("+0.50").description == "0.5")
        let db = try table()
        let bad = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"k"},"n":{"N":"abc"}}}"#)
        #expect(bad.message == "The parameter cannot be converted to a numeric value")
    }

    @Test func emptyBinaryIndexKeyIsRefused() throws {
        let db = try EngineHarness()
        try db.call(
            "CreateTable",
            #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"b","AttributeType":"B"}],"GlobalSecondaryIndexes":[{"IndexName":"byB","KeySchema":[{"AttributeName":"b","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]}"#
        )
        let failure = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"k"},"b":{"B":""}}}"#)
        #expect(failure.message?.hasSuffix("cannot contain an empty binary value. IndexName: byB, IndexKey: b") == true)
    }

    @Test func keySizesAreCheckedOnReads() throws {
        let db = try table()
        let long = String(repeating: "x", count: 2049)
        let get = try db.failure("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"\#(long)"}}}"#)
        #expect(get.message?.contains("Size of hashkey has exceeded the maximum size limit of2048 bytes") == true)
        let query = try db.failure(
            "Query",
            #"{"TableName":"jobs","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"\#(long)"}}}"#
        )
        #expect(query.message?.contains("Size of hashkey has exceeded") == true)
    }

    @Test func attributeNamesAreBounded() throws {
        let db = try table()
        let empty = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"k"},"":{"S":"v"}}}"#)
        #expect(empty.kind == .validation)
        let huge = String(repeating: "n", count: 65536)
        let long = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"k"},"\#(huge)":{"S":"v"}}}"#)
        #expect(long.kind == .validation)
        let name = String(repeating: "k", count: 256)
        let key = try db.failure(
            "CreateTable",
            #"{"TableName":"other","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"\#(name)","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"\#(name)","AttributeType":"S"}]}"#
        )
        #expect(key.message?.contains("Member must have length less than or equal to 255") == true)
    }

    @Test func functionNamesAreCaseSensitive() throws {
        let db = try table()
        let upper = try db.failure(
            "Scan",
            #"{"TableName":"jobs","FilterExpression":"BEGINS_WITH(s, :v)","ExpressionAttributeValues":{":v":{"S":"a"}}}"#
        )
        #expect(upper.message == "Invalid FilterExpression: Invalid function name; function: BEGINS_WITH")
        let append = try db.failure(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"k"}},"UpdateExpression":"SET l = LIST_APPEND(l, :v)","ExpressionAttributeValues":{":v":{"L":[]}}}"#
        )
        #expect(append.message == "Invalid UpdateExpression: Invalid function name; function: LIST_APPEND")
    }

    @Test func parserRefusals() throws {
        let db = try table()
        let redundant = try db.failure(
            "PutItem",
            #"{"TableName":"jobs","Item":{"pk":{"S":"k"}},"ConditionExpression":"((a <> :a))","ExpressionAttributeValues":{":a":{"S":"x"}}}"#
        )
        #expect(redundant.message == "Invalid ConditionExpression: The expression has redundant parentheses;")
        try db.call(
            "PutItem",
            #"{"TableName":"jobs","Item":{"pk":{"S":"k"}},"ConditionExpression":"(a <> :a) AND (b <> :a)","ExpressionAttributeValues":{":a":{"S":"x"}}}"#
        )
        let underscore = try db.failure(
            "PutItem",
            #"{"TableName":"jobs","Item":{"pk":{"S":"k"}},"ConditionExpression":"_a <> :a","ExpressionAttributeValues":{":a":{"S":"x"}}}"#
        )
        #expect(underscore.message?.hasPrefix("Invalid ConditionExpression: Syntax error") == true)
        let nested = try db.failure(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"k"}},"UpdateExpression":"SET l = list_append(list_append(l, :v), :v)","ExpressionAttributeValues":{":v":{"L":[]}}}"#
        )
        #expect(
            nested.message
                == "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append"
        )
        for projection in ["a, a", "a, a.b", "a.b, a[0]"] {
            let overlap = try db.failure(
                "GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"k"}},"ProjectionExpression":"\#(projection)"}"#)
            #expect(overlap.message?.hasPrefix("Invalid ProjectionExpression: Two document paths") == true)
        }
    }

    @Test func errorWording() throws {
        let db = try table()
        let wrongType = try db.failure("GetItem", #"{"TableName":"jobs","Key":{"pk":{"N":"1"}}}"#)
        #expect(wrongType.message == "The provided key element does not match the schema")
        let unknown = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"k"},"x":{"Q":"1"}}}"#)
        #expect(unknown.kind == .validation)
    }

    @Test func consumedCapacityFigures() throws {
        let db = try table()
        let big = String(repeating: "x", count: 5000)
        let put = try db.call(
            "PutItem",
            #"{"TableName":"jobs","Item":{"pk":{"S":"k"},"v":{"S":"\#(big)"}},"ReturnConsumedCapacity":"TOTAL"}"#)
        #expect(put["ConsumedCapacity"]?["CapacityUnits"] == .number("5.0"))
        let strong = try db.call(
            "GetItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"k"}},"ConsistentRead":true,"ReturnConsumedCapacity":"TOTAL"}"#)
        #expect(strong["ConsumedCapacity"]?["CapacityUnits"] == .number("2.0"))
        let scan = try db.call("Scan", #"{"TableName":"jobs","ReturnConsumedCapacity":"TOTAL"}"#)
        #expect(scan["ConsumedCapacity"]?["CapacityUnits"] == .number("1.0"))
    }

    @Test func scanStartKeyMustBeInItsSegment() throws {
        let db = try table()
        let keys = (0..<40).map { "k\($0)" }
        for key in keys { try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"\#(key)"}}}"#) }
        let outside = try #require(
            keys.first { ReadSupport.segmentOf(Array($0.utf8), total: 2) != 0 })
        let failure = try db.failure(
            "Scan",
            #"{"TableName":"jobs","Segment":0,"TotalSegments":2,"ExclusiveStartKey":{"pk":{"S":"\#(outside)"}}}"#)
        #expect(
            failure.message
                == "The provided Exclusive start key does not map to the provided Segment and TotalSegments values.")
        let select = try db.failure("Scan", #"{"TableName":"jobs","Select":"SPECIFIC_ATTRIBUTES"}"#)
        #expect(
            select.message
                == "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES")
    }

    @Test func transactionTokenAndItemErrors() throws {
        let db = try EngineHarness()
        try db.createTable(range: "sk", rangeType: "N")
        let token = String(repeating: "t", count: 37)
        let long = try db.failure(
            "TransactWriteItems",
            #"{"ClientRequestToken":"\#(token)","TransactItems":[{"Put":{"TableName":"jobs","Item":{"pk":{"S":"a"},"sk":{"N":"1"}}}}]}"#
        )
        #expect(long.message?.contains("at 'clientRequestToken'") == true)
        let typed = try db.failure(
            "TransactWriteItems",
            #"{"TransactItems":[{"Put":{"TableName":"jobs","Item":{"pk":{"S":"a"},"sk":{"N":"1"}}}},{"Put":{"TableName":"jobs","Item":{"pk":{"S":"a"},"sk":{"S":"x"}}}}]}"#
        )
        #expect(typed.kind == .transactionCanceled)
        #expect(typed.cancellationReasons?.map(\.code) == ["None", "ValidationError"])
    }
}
