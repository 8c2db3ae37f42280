import Foundation
import Testing

@testable import LocalDynamo

@Suite struct EngineTests {
    @Test func tableLifecycle() throws {
        let db = try EngineHarness()
        try db.createTable("jobs")
        let described = try db.call("DescribeTable", #"{"TableName":"jobs"}"#)
        #expect(described["Table"]?["TableStatus"] == .string("ACTIVE"))
        #expect(described["Table"]?["BillingModeSummary"]?["BillingMode"] == .string("PAY_PER_REQUEST"))
        let again = try db.failure(
            "CreateTable",
            #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}"#
        )
        #expect(again.kind == .resourceInUse && again.message == "Table already exists: jobs")
        for name in ["b", "c", "a1"] { try db.createTable(name + "xx") }
        let page = try db.call("ListTables", #"{"Limit":2}"#)
        #expect(page["TableNames"] == .array([.string("a1xx"), .string("bxx")]))
        #expect(page["LastEvaluatedTableName"] == .string("bxx"))
        let rest = try db.call("ListTables", #"{"ExclusiveStartTableName":"bxx"}"#)
        #expect(rest["TableNames"] == .array([.string("cxx"), .string("jobs")]))
        #expect(rest["LastEvaluatedTableName"] == nil)
        try db.call("DeleteTable", #"{"TableName":"jobs"}"#)
        let gone = try db.failure("DescribeTable", #"{"TableName":"jobs"}"#)
        #expect(gone.kind == .resourceNotFound && gone.message == "Requested resource not found: Table: jobs not found")
    }

    @Test func createTableValidation() throws {
        let db = try EngineHarness()
        let short = try db.failure("CreateTable", #"{"TableName":"ab","KeySchema":[],"AttributeDefinitions":[]}"#)
        #expect(short.kind == .validation && short.message?.contains("'tableName'") == true)
        let unused = try db.failure(
            "CreateTable",
            #"{"TableName":"abc","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"x","AttributeType":"S"}]}"#
        )
        #expect(unused.kind == .validation)
        let provisioned = try db.failure(
            "CreateTable",
            #"{"TableName":"abc","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}"#
        )
        #expect(provisioned.message?.contains("must both be specified when BillingMode is PROVISIONED") == true)
        let wrongType = try db.failure("CreateTable", #"{"TableName":5}"#)
        #expect(wrongType.kind == .serialization)
    }

    @Test func crudWithReturnValues() throws {
        let db = try EngineHarness()
        try db.createTable()
        let first = try db.call(
            "PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"v":{"N":"1"}},"ReturnValues":"ALL_OLD"}"#)
        #expect(first == .object([:]))
        let second = try db.call(
            "PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"v":{"N":"2"}},"ReturnValues":"ALL_OLD"}"#)
        #expect(second["Attributes"]?["v"] == .object(["N": .string("1")]))
        let got = try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"ConsistentRead":true}"#)
        #expect(got["Item"]?["v"] == .object(["N": .string("2")]))
        let updatedNew = try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET w = :w ADD v :one","ExpressionAttributeValues":{":w":{"S":"x"},":one":{"N":"1"}},"ReturnValues":"UPDATED_NEW"}"#
        )
        #expect(
            updatedNew["Attributes"] == .object(["w": .object(["S": .string("x")]), "v": .object(["N": .string("3")])]))
        let updatedOld = try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE w","ReturnValues":"UPDATED_OLD"}"#)
        #expect(updatedOld["Attributes"] == .object(["w": .object(["S": .string("x")])]))
        let allNew = try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"b"}},"UpdateExpression":"ADD c :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"ALL_NEW"}"#
        )
        #expect(
            allNew["Attributes"] == .object(["pk": .object(["S": .string("b")]), "c": .object(["N": .string("1")])]))
        let deleted = try db.call(
            "DeleteItem", #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD"}"#)
        #expect(deleted["Attributes"]?["v"] == .object(["N": .string("3")]))
        #expect(try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"a"}}}"#) == .object([:]))
    }

    @Test func conditionalWrites() throws {
        let db = try EngineHarness()
        try db.createTable()
        let create =
            #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"state":{"S":"new"}},"ConditionExpression":"attribute_not_exists(pk)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}"#
        try db.call("PutItem", create)
        let failed = try db.failure("PutItem", create)
        #expect(failed.kind == .conditionalCheckFailed && failed.message == "The conditional request failed")
        #expect(failed.item?["state"] == .string("new"))
        #expect(failed.body()["Item"]?["state"] == .object(["S": .string("new")]))
        let guarded = try db.failure(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"missing"}},"UpdateExpression":"SET x = :v","ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{":v":{"N":"1"}}}"#
        )
        #expect(guarded.kind == .conditionalCheckFailed && guarded.item == nil)
        let reserved = try db.failure(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET state = :v","ExpressionAttributeValues":{":v":{"N":"1"}}}"#
        )
        #expect(
            reserved.message
                == "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: state")
        let unused = try db.failure(
            "PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"z"}},"ExpressionAttributeValues":{":v":{"N":"1"}}}"#)
        #expect(unused.message == "ExpressionAttributeValues can only be specified when using expressions")
    }

    @Test func keyAndItemValidation() throws {
        let db = try EngineHarness()
        try db.createTable(range: "sk", rangeType: "N")
        let missing = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"}}}"#)
        #expect(missing.message == "One or more parameter values were invalid: Missing the key sk in the item")
        let type = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"sk":{"S":"1"}}}"#)
        #expect(
            type.message == "One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S")
        let empty = try db.failure("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":""},"sk":{"N":"1"}}}"#)
        #expect(empty.message?.contains("cannot contain an empty string value. Key: pk") == true)
        let schema = try db.failure("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"a"}}}"#)
        #expect(schema.message == "The provided key element does not match the schema")
        let big = String(repeating: "x", count: 409_600)
        let tooBig = try db.failure(
            "PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"b":{"S":"\#(big)"}}}"#)
        #expect(tooBig.message == "Item size has exceeded the maximum allowed size")
        let emptySet = try db.failure(
            "PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"s":{"SS":[]}}}"#)
        #expect(emptySet.kind == .validation)
        let twoTypes = try db.failure(
            "PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a","N":"1"},"sk":{"N":"1"}}}"#)
        #expect(twoTypes.message?.contains("more than one datatypes") == true)
        // Empty strings are fine outside keys.
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"note":{"S":""}}}"#)
        let notFound = try db.failure("GetItem", #"{"TableName":"nope","Key":{"pk":{"S":"a"}}}"#)
        #expect(notFound.kind == .resourceNotFound && notFound.message == "Requested resource not found")
    }

    @Test func unknownOperationAndBadJSON() throws {
        let db = try EngineHarness()
        let bad = db.engine.handle(operation: "ListTables", body: Array("{nope".utf8))
        #expect(bad.status == 400)
        #expect(try JSON.parse(bad.body)["__type"] == .string("com.amazon.coral.service#SerializationException"))
        let unknown = db.engine.handle(operation: "Frobnicate", body: Array("{}".utf8))
        #expect(try JSON.parse(unknown.body)["__type"] == .string("com.amazon.coral.service#UnknownOperationException"))
    }

    @Test func durableAcrossReopen() throws {
        let directory = NSTemporaryDirectory() + "localdynamo-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let engine = try DynamoEngine(dataDirectory: directory)
            _ = try engine.perform(
                "CreateTable",
                try JSON.parse(
                    Array(
                        #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}"#
                            .utf8)))
            _ = try engine.perform(
                "PutItem", try JSON.parse(Array(#"{"TableName":"jobs","Item":{"pk":{"S":"kept"}}}"#.utf8)))
        }
        let reopened = try DynamoEngine(dataDirectory: directory)
        let got = try reopened.perform(
            "GetItem", try JSON.parse(Array(#"{"TableName":"jobs","Key":{"pk":{"S":"kept"}}}"#.utf8)))
        #expect(got["Item"]?["pk"] == .object(["S": .string("kept")]))
    }
}

@Suite struct BatchAndTransactionTests {
    @Test func batchLimitsAndDuplicates() throws {
        let db = try EngineHarness()
        try db.createTable()
        let puts = (0..<25).map { #"{"PutRequest":{"Item":{"pk":{"S":"k\#($0)"}}}}"# }.joined(separator: ",")
        let written = try db.call("BatchWriteItem", #"{"RequestItems":{"jobs":[\#(puts)]}}"#)
        #expect(written["UnprocessedItems"] == .object([:]))
        let tooMany = (0..<26).map { #"{"PutRequest":{"Item":{"pk":{"S":"k\#($0)"}}}}"# }.joined(separator: ",")
        #expect(try db.failure("BatchWriteItem", #"{"RequestItems":{"jobs":[\#(tooMany)]}}"#).kind == .validation)
        let duplicate = try db.failure(
            "BatchWriteItem",
            #"{"RequestItems":{"jobs":[{"PutRequest":{"Item":{"pk":{"S":"a"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"a"}}}}]}}"#
        )
        #expect(duplicate.message == "Provided list of item keys contains duplicates")
        let keys = (0..<25).map { #"{"pk":{"S":"k\#($0)"}}"# }.joined(separator: ",")
        let read = try db.call("BatchGetItem", #"{"RequestItems":{"jobs":{"Keys":[\#(keys),{"pk":{"S":"absent"}}]}}}"#)
        #expect(read["Responses"]?["jobs"]?.arrayValue?.count == 25)
        let hundredOne = (0..<101).map { #"{"pk":{"S":"k\#($0)"}}"# }.joined(separator: ",")
        let tooManyKeys = try db.failure("BatchGetItem", #"{"RequestItems":{"jobs":{"Keys":[\#(hundredOne)]}}}"#)
        #expect(tooManyKeys.message == "Too many items requested for the BatchGetItem call")
    }

    @Test func transactionsAreAllOrNothing() throws {
        let db = try EngineHarness()
        try db.createTable()
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"n":{"N":"1"}}}"#)
        let cancelled = try db.failure(
            "TransactWriteItems",
            #"{"TransactItems":[{"Put":{"TableName":"jobs","Item":{"pk":{"S":"b"}}}},{"Update":{"TableName":"jobs","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET n = :two","ConditionExpression":"n = :five","ExpressionAttributeValues":{":two":{"N":"2"},":five":{"N":"5"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}}]}"#
        )
        #expect(cancelled.kind == .transactionCanceled)
        #expect(cancelled.cancellationReasons?.map(\.code) == ["None", "ConditionalCheckFailed"])
        #expect(cancelled.cancellationReasons?[1].item?["n"] == .number(DynamoNumber(1)))
        #expect(
            cancelled.message
                == "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"
        )
        #expect(try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"b"}}}"#) == .object([:]))
        try db.call(
            "TransactWriteItems",
            #"{"TransactItems":[{"Put":{"TableName":"jobs","Item":{"pk":{"S":"b"}}}},{"ConditionCheck":{"TableName":"jobs","Key":{"pk":{"S":"a"}},"ConditionExpression":"n = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}},{"Delete":{"TableName":"jobs","Key":{"pk":{"S":"zz"}}}}]}"#
        )
        let got = try db.call(
            "TransactGetItems",
            #"{"TransactItems":[{"Get":{"TableName":"jobs","Key":{"pk":{"S":"b"}}}},{"Get":{"TableName":"jobs","Key":{"pk":{"S":"zz"}}}}]}"#
        )
        #expect(got["Responses"]?.arrayValue?.count == 2)
        #expect(got["Responses"]?.arrayValue?[1] == .object([:]))
        let sameItem = try db.failure(
            "TransactWriteItems",
            #"{"TransactItems":[{"Put":{"TableName":"jobs","Item":{"pk":{"S":"c"}}}},{"Delete":{"TableName":"jobs","Key":{"pk":{"S":"c"}}}}]}"#
        )
        #expect(sameItem.message == "Transaction request cannot include multiple operations on one item")
    }

    @Test func idempotentTokens() throws {
        let db = try EngineHarness()
        try db.createTable()
        let request =
            #"{"ClientRequestToken":"t1","TransactItems":[{"Update":{"TableName":"jobs","Key":{"pk":{"S":"a"}},"UpdateExpression":"ADD n :one","ExpressionAttributeValues":{":one":{"N":"1"}}}}]}"#
        try db.call("TransactWriteItems", request)
        try db.call("TransactWriteItems", request)
        let item = try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"a"}}}"#)
        #expect(item["Item"]?["n"] == .object(["N": .string("1")]))
        let mismatch = try db.failure(
            "TransactWriteItems",
            #"{"ClientRequestToken":"t1","TransactItems":[{"Put":{"TableName":"jobs","Item":{"pk":{"S":"x"}}}}]}"#)
        #expect(mismatch.kind == .idempotentParameterMismatch)
    }
}
