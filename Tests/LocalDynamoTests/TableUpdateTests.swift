import Testing

@testable import LocalDynamo

/// UpdateTable: global index create (with backfill) and delete, billing mode, deletion protection.
@Suite struct TableUpdateTests {
    @Test func createAndDeleteGlobalIndexWithBackfill() throws {
        let db = try EngineHarness()
        try db.createTable()
        for (key, group) in [("a", "red"), ("b", "blue"), ("c", "red")] {
            try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"\#(key)"},"g":{"S":"\#(group)"}}}"#)
        }
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"d"}}}"#)
        let created = try db.call(
            "UpdateTable",
            #"{"TableName":"jobs","AttributeDefinitions":[{"AttributeName":"g","AttributeType":"S"}],"GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}}]}"#
        )
        #expect(created["TableDescription"]?["TableStatus"] == .string("UPDATING"))
        #expect(
            created["TableDescription"]?["GlobalSecondaryIndexes"]?.arrayValue?.first?["IndexStatus"]
                == .string("CREATING"))
        let described = try db.call("DescribeTable", #"{"TableName":"jobs"}"#)["Table"]
        #expect(described?["GlobalSecondaryIndexes"]?.arrayValue?.first?["IndexStatus"] == .string("ACTIVE"))
        #expect(described?["GlobalSecondaryIndexes"]?.arrayValue?.first?["ItemCount"] == .number("3"))
        let red = try db.call(
            "Query",
            #"{"TableName":"jobs","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"red"}}}"#
        )
        #expect(red["Count"] == .number("2"))
        let again = try db.failure(
            "UpdateTable",
            #"{"TableName":"jobs","GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}]}"#
        )
        #expect(again.message == "Attempting to create an index which already exists")
        let deleted = try db.call(
            "UpdateTable", #"{"TableName":"jobs","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"byG"}}]}"#)
        #expect(
            deleted["TableDescription"]?["GlobalSecondaryIndexes"]?.arrayValue?.first?["IndexStatus"]
                == .string("DELETING"))
        let after = try db.call("DescribeTable", #"{"TableName":"jobs"}"#)["Table"]
        #expect(after?["GlobalSecondaryIndexes"] == nil)
        #expect(after?["AttributeDefinitions"]?.arrayValue?.count == 1)
        let gone = try db.failure(
            "Query",
            #"{"TableName":"jobs","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"red"}}}"#
        )
        #expect(gone.message == "The table does not have the specified index: byG")
    }

    @Test func billingModeAndDeletionProtection() throws {
        let db = try EngineHarness()
        try db.createTable()
        let none = try db.failure("UpdateTable", #"{"TableName":"jobs"}"#)
        #expect(none.message?.hasPrefix("At least one of ProvisionedThroughput, BillingMode") == true)
        let missingThroughput = try db.failure("UpdateTable", #"{"TableName":"jobs","BillingMode":"PROVISIONED"}"#)
        #expect(missingThroughput.kind == .validation)
        let provisioned = try db.call(
            "UpdateTable",
            #"{"TableName":"jobs","BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":7}}"#
        )
        #expect(provisioned["TableDescription"]?["ProvisionedThroughput"]?["WriteCapacityUnits"] == .number("7"))
        #expect(provisioned["TableDescription"]?["BillingModeSummary"] == nil)
        try db.call("UpdateTable", #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST"}"#)
        try db.call("UpdateTable", #"{"TableName":"jobs","DeletionProtectionEnabled":true}"#)
        let protected = try db.failure("DeleteTable", #"{"TableName":"jobs"}"#)
        #expect(protected.message?.hasPrefix("Resource cannot be deleted as it is currently protected") == true)
        try db.call("UpdateTable", #"{"TableName":"jobs","DeletionProtectionEnabled":false}"#)
        try db.call("DeleteTable", #"{"TableName":"jobs"}"#)
        try db.createTable()
        let streams = try db.failure(
            "UpdateTable", #"{"TableName":"jobs","StreamSpecification":{"StreamEnabled":false}}"#)
        #expect(streams.kind == .validation)
    }
}
