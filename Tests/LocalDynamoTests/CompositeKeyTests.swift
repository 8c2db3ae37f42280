import Testing

@testable import LocalDynamo

/// Multi-attribute GSI keys: schema validation, the tuple encoding's order, and the Query rules.
@Suite struct CompositeKeyTests {
    func table(_ keySchema: String, definitions: String) throws -> EngineHarness {
        let db = try EngineHarness()
        try db.call(
            "CreateTable",
            #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"p","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"p","AttributeType":"S"},\#(definitions)],"GlobalSecondaryIndexes":[{"IndexName":"gsi","KeySchema":\#(keySchema),"Projection":{"ProjectionType":"ALL"}}]}"#
        )
        return db
    }

    func filled() throws -> EngineHarness {
        let db = try table(
            #"[{"AttributeName":"h1","KeyType":"HASH"},{"AttributeName":"h2","KeyType":"HASH"},{"AttributeName":"r1","KeyType":"RANGE"},{"AttributeName":"r2","KeyType":"RANGE"}]"#,
            definitions:
                #"{"AttributeName":"h1","AttributeType":"S"},{"AttributeName":"h2","AttributeType":"N"},{"AttributeName":"r1","AttributeType":"B"},{"AttributeName":"r2","AttributeType":"N"}"#
        )
        // r1 values as base64: AA== is 0x00, AAA= is 0x00 0x00, AQ== is 0x01.
        for (key, r1, r2) in [("a", "AA==", "-1"), ("b", "AA==", "3"), ("c", "AAA=", "0"), ("d", "AQ==", "0")] {
            try db.call(
                "PutItem",
                #"{"TableName":"jobs","Item":{"p":{"S":"\#(key)"},"h1":{"S":"H"},"h2":{"N":"1"},"r1":{"B":"\#(r1)"},"r2":{"N":"\#(r2)"}}}"#
            )
        }
        return db
    }

    func query(_ db: EngineHarness, _ condition: String, _ values: String = "") throws -> [String] {
        let response = try db.call(
            "Query",
            #"{"TableName":"jobs","IndexName":"gsi","KeyConditionExpression":"h1 = :h1 AND h2 = :h2\#(condition)","ExpressionAttributeValues":{":h1":{"S":"H"},":h2":{"N":"1"}\#(values)}}"#
        )
        return (response["Items"]?.arrayValue ?? []).compactMap { $0["p"]?["S"]?.stringValue }
    }

    @Test func tupleOrderIsComponentByComponent() throws {
        let db = try filled()
        // 0x00 < 0x00 0x00 < 0x01 bytewise, then r2 numerically: the escaping keeps both orders.
        #expect(try query(db, "") == ["a", "b", "c", "d"])
        #expect(try query(db, " AND r1 = :r", #",":r":{"B":"AA=="}"#) == ["a", "b"])
        #expect(try query(db, " AND r1 = :r AND r2 >= :n", #",":r":{"B":"AA=="},":n":{"N":"0"}"#) == ["b"])
        #expect(try query(db, " AND begins_with(r1, :r)", #",":r":{"B":"AA=="}"#) == ["a", "b", "c"])
        #expect(try query(db, " AND r1 > :r", #",":r":{"B":"AA=="}"#) == ["c", "d"])
    }

    @Test func queryRefusals() throws {
        let db = try filled()
        let missing = try db.failure(
            "Query",
            #"{"TableName":"jobs","IndexName":"gsi","KeyConditionExpression":"h1 = :h1","ExpressionAttributeValues":{":h1":{"S":"H"}}}"#
        )
        #expect(missing.message == "Query condition missed key schema element: h2")
        let gap = try db.failure(
            "Query",
            #"{"TableName":"jobs","IndexName":"gsi","KeyConditionExpression":"h1 = :h1 AND h2 = :h2 AND r2 = :n","ExpressionAttributeValues":{":h1":{"S":"H"},":h2":{"N":"1"},":n":{"N":"1"}}}"#
        )
        #expect(gap.message?.contains("skips an earlier sort key attribute") == true)
        let notLast = try db.failure(
            "Query",
            #"{"TableName":"jobs","IndexName":"gsi","KeyConditionExpression":"h1 = :h1 AND h2 = :h2 AND r1 > :r AND r2 = :n","ExpressionAttributeValues":{":h1":{"S":"H"},":h2":{"N":"1"},":r":{"B":"AA=="},":n":{"N":"1"}}}"#
        )
        #expect(notLast.message?.contains("only the last sort key condition may be a range condition") == true)
    }

    @Test func schemaValidation() throws {
        let db = try EngineHarness()
        func create(_ keySchema: String) throws -> DynamoError {
            try db.failure(
                "CreateTable",
                #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"p","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"p","AttributeType":"S"},{"AttributeName":"a","AttributeType":"S"},{"AttributeName":"b","AttributeType":"S"}],"GlobalSecondaryIndexes":[{"IndexName":"gsi","KeySchema":\#(keySchema),"Projection":{"ProjectionType":"ALL"}}]}"#
            )
        }
        let interleaved = try create(
            #"[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"RANGE"},{"AttributeName":"p","KeyType":"HASH"}]"#
        )
        #expect(interleaved.message?.contains("HASH key elements must come before") == true)
        let duplicate = try create(#"[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"a","KeyType":"HASH"}]"#)
        #expect(duplicate.message?.contains("Duplicate") == true)
        let five = (0..<5).map { _ in #"{"AttributeName":"a","KeyType":"HASH"}"# }.joined(separator: ",")
        #expect(try create("[\(five)]").kind == .validation)
        let undefined = try create(#"[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"zz","KeyType":"HASH"}]"#)
        #expect(undefined.message?.contains("AttributeDefinitions") == true)
    }
}
