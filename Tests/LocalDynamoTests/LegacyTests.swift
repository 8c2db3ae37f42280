import Testing

@testable import LocalDynamo

@Suite struct LegacyTests {
    func table() throws -> EngineHarness {
        let db = try EngineHarness()
        try db.createTable()
        try db.call(
            "PutItem",
            #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"n":{"N":"5"},"s":{"S":"hello"},"tags":{"SS":["x","y"]},"l":{"L":[{"S":"e"}]}}}"#
        )
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"b"},"n":{"N":"10"},"s":{"S":"world"}}}"#)
        try db.call("PutItem", #"{"TableName":"jobs","Item":{"pk":{"S":"c"}}}"#)
        return db
    }

    func keys(_ response: JSON) -> [String] {
        (response["Items"]?.arrayValue ?? []).compactMap { $0["pk"]?["S"]?.stringValue }.sorted()
    }

    func scan(_ db: EngineHarness, _ filter: String, _ op: String = "") throws -> [String] {
        keys(try db.call("Scan", #"{"TableName":"jobs","ScanFilter":\#(filter)\#(op)}"#))
    }

    @Test func mixingLegacyAndExpressionsIsRefused() throws {
        let db = try table()
        let put = try db.failure(
            "PutItem",
            #"{"TableName":"jobs","Item":{"pk":{"S":"z"}},"Expected":{"pk":{"Exists":false}},"ConditionExpression":"attribute_not_exists(pk)"}"#
        )
        #expect(
            put.message
                == "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"
        )
        let query = try db.failure(
            "Query",
            #"{"TableName":"jobs","AttributesToGet":["n"],"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}},"FilterExpression":"n > :n","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":n":{"N":"1"},":p":{"S":"a"}}}"#
        )
        #expect(
            query.message
                == "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, KeyConditions} Expression parameters: {FilterExpression, KeyConditionExpression}"
        )
        let update = try db.failure(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"AttributeUpdates":{"n":{"Action":"DELETE"}},"UpdateExpression":"REMOVE n"}"#
        )
        #expect(update.message?.hasSuffix("{AttributeUpdates} Expression parameters: {UpdateExpression}") == true)
    }

    @Test func everyComparisonOperator() throws {
        let db = try table()
        func one(_ op: String, _ values: String) -> String {
            #"{"n":{"ComparisonOperator":"\#(op)","AttributeValueList":[\#(values)]}}"#
        }
        #expect(try scan(db, one("EQ", #"{"N":"5"}"#)) == ["a"])
        #expect(try scan(db, one("NE", #"{"N":"5"}"#)) == ["b", "c"])
        #expect(try scan(db, one("LT", #"{"N":"10"}"#)) == ["a"])
        #expect(try scan(db, one("LE", #"{"N":"10"}"#)) == ["a", "b"])
        #expect(try scan(db, one("GT", #"{"N":"5"}"#)) == ["b"])
        #expect(try scan(db, one("GE", #"{"N":"5"}"#)) == ["a", "b"])
        #expect(try scan(db, one("NULL", "")) == ["c"])
        #expect(try scan(db, one("NOT_NULL", "")) == ["a", "b"])
        #expect(try scan(db, one("IN", #"{"N":"10"},{"N":"7"}"#)) == ["b"])
        #expect(try scan(db, one("BETWEEN", #"{"N":"4"},{"N":"6"}"#)) == ["a"])
        let contains = #"{"tags":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"S":"x"}]}}"#
        #expect(try scan(db, contains) == ["a"])
        let notContains = #"{"s":{"ComparisonOperator":"NOT_CONTAINS","AttributeValueList":[{"S":"ell"}]}}"#
        // A missing attribute does not satisfy NOT_CONTAINS.
        #expect(try scan(db, notContains) == ["b"])
        let begins = #"{"s":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"wo"}]}}"#
        #expect(try scan(db, begins) == ["b"])
        let both =
            #"{"n":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"5"}]},"s":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"world"}]}}"#
        #expect(try scan(db, both) == [])
        #expect(try scan(db, both, #","ConditionalOperator":"OR""#) == ["a", "b"])
    }

    @Test func argumentValidation() throws {
        let db = try table()
        func failure(_ filter: String) throws -> String? {
            try db.failure("Scan", #"{"TableName":"jobs","ScanFilter":\#(filter)}"#).message
        }
        let prefix = "One or more parameter values were invalid: "
        #expect(
            try failure(#"{"n":{"ComparisonOperator":"EQ","AttributeValueList":[]}}"#)
                == prefix + "Invalid number of argument(s) for the EQ ComparisonOperator")
        #expect(
            try failure(#"{"n":{"ComparisonOperator":"NULL","AttributeValueList":[{"N":"1"}]}}"#)
                == prefix + "Invalid number of argument(s) for the NULL ComparisonOperator")
        #expect(
            try failure(#"{"n":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"}]}}"#)
                == prefix + "Invalid number of argument(s) for the BETWEEN ComparisonOperator")
        #expect(
            try failure(#"{"n":{"ComparisonOperator":"LT","AttributeValueList":[{"SS":["a"]}]}}"#)
                == prefix + "ComparisonOperator LT is not valid for SS AttributeValue type")
        #expect(
            try failure(#"{"n":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"N":"1"}]}}"#)
                == prefix + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type")
        #expect(
            try failure(#"{"n":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"9"},{"N":"1"}]}}"#)
                == prefix
                + "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")
        let badOperator = try failure(#"{"n":{"ComparisonOperator":"XX","AttributeValueList":[]}}"#)
        #expect(badOperator?.contains("at 'scanFilter.n.member.comparisonOperator'") == true)
    }

    @Test func expectedExistsAndValue() throws {
        let db = try table()
        let conditional = #"{"TableName":"jobs","Item":{"pk":{"S":"a"},"n":{"N":"6"}},"Expected":"#
        let failed = try db.failure("PutItem", conditional + #"{"pk":{"Exists":false}}}"#)
        #expect(failed.kind == .conditionalCheckFailed)
        try db.call("PutItem", conditional + #"{"n":{"Value":{"N":"5"}},"s":{"Exists":true,"Value":{"S":"hello"}}}}"#)
        let stale = try db.failure("PutItem", conditional + #"{"n":{"Value":{"N":"5"}}}}"#)
        #expect(stale.kind == .conditionalCheckFailed)
        try db.call(
            "PutItem",
            conditional + #"{"n":{"Value":{"N":"1"}},"zz":{"Exists":false}},"ConditionalOperator":"OR"}"#)
        let prefix = "One or more parameter values were invalid: "
        #expect(
            try db.failure("PutItem", conditional + #"{"n":{"Exists":true}}}"#).message
                == prefix + "Value must be provided when Exists is true for Attribute: n")
        #expect(
            try db.failure("PutItem", conditional + #"{"n":{}}}"#).message
                == prefix + "Value must be provided when Exists is null for Attribute: n")
        #expect(
            try db.failure("PutItem", conditional + #"{"n":{"Exists":false,"Value":{"N":"1"}}}}"#).message
                == prefix + "Value cannot be used when Exists is false for Attribute: n")
        #expect(
            try db.failure("PutItem", conditional + #"{"n":{"Exists":true,"ComparisonOperator":"NULL"}}}"#).message
                == prefix + "Exists and ComparisonOperator cannot be used together for Attribute: n")
        #expect(
            try db.failure("PutItem", conditional + #"{"n":{"AttributeValueList":[{"N":"1"}]}}}"#).message
                == prefix + "AttributeValueList can only be used with a ComparisonOperator for Attribute: n")
        let withPlaceholders = try db.failure(
            "DeleteItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"Expected":{"n":{"Exists":false}},"ExpressionAttributeValues":{":v":{"N":"1"}}}"#
        )
        #expect(withPlaceholders.message == "ExpressionAttributeValues can only be specified when using expressions")
    }

    @Test func attributeUpdates() throws {
        let db = try table()
        let result = try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_NEW","AttributeUpdates":{"n":{"Action":"ADD","Value":{"N":"-2"}},"tags":{"Action":"DELETE","Value":{"SS":["x"]}},"s":{"Action":"DELETE"},"fresh":{"Value":{"S":"v"}},"more":{"Action":"ADD","Value":{"NS":["1"]}}}}"#
        )
        let attributes = result["Attributes"]
        #expect(attributes?["n"] == .object(["N": .string("3")]))
        #expect(attributes?["tags"] == .object(["SS": .array([.string("y")])]))
        #expect(attributes?["s"] == nil)
        #expect(attributes?["fresh"] == .object(["S": .string("v")]))
        #expect(attributes?["more"] == .object(["NS": .array([.string("1")])]))
        // ADD on a missing item creates it; DELETE alone on a missing item creates nothing.
        try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"new"}},"AttributeUpdates":{"count":{"Action":"ADD","Value":{"N":"1"}}}}"#
        )
        let created = try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"new"}}}"#)
        #expect(created["Item"]?["count"] == .object(["N": .string("1")]))
        try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"none"}},"AttributeUpdates":{"x":{"Action":"DELETE"}}}"#)
        #expect(try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"none"}}}"#)["Item"] == nil)
        let putWithoutValue = try db.failure(
            "UpdateItem", #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"AttributeUpdates":{"x":{"Action":"PUT"}}}"#)
        #expect(
            putWithoutValue.message
                == "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified"
        )
        let addString = try db.failure(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"AttributeUpdates":{"x":{"Action":"ADD","Value":{"S":"q"}}}}"#
        )
        #expect(
            addString.message == "One or more parameter values were invalid: ADD action is not supported for the type S"
        )
        let key = try db.failure(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"AttributeUpdates":{"pk":{"Value":{"S":"q"}}}}"#)
        #expect(key.message?.contains("Cannot update attribute pk. This attribute is part of the key") == true)
        let guarded = try db.failure(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"a"}},"AttributeUpdates":{"x":{"Value":{"S":"q"}}},"Expected":{"n":{"ComparisonOperator":"GT","AttributeValueList":[{"N":"100"}]}}}"#
        )
        #expect(guarded.kind == .conditionalCheckFailed)
    }

    @Test func removeOnlyUpdateOfMissingItemCreatesNothing() throws {
        let db = try table()
        let result = try db.call(
            "UpdateItem",
            #"{"TableName":"jobs","Key":{"pk":{"S":"ghost"}},"UpdateExpression":"REMOVE x","ReturnValues":"ALL_NEW"}"#)
        #expect(result["Attributes"] == nil)
        #expect(try db.call("GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"ghost"}}}"#)["Item"] == nil)
    }

    @Test func keyConditionsQueryFilterAndAttributesToGet() throws {
        let db = try EngineHarness()
        try db.createTable(range: "sk", rangeType: "N")
        for value in 1...5 {
            try db.call(
                "PutItem",
                #"{"TableName":"jobs","Item":{"pk":{"S":"p"},"sk":{"N":"\#(value)"},"v":{"N":"\#(value * 10)"},"w":{"S":"x"}}}"#
            )
        }
        let response = try db.call(
            "Query",
            #"{"TableName":"jobs","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"sk":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"2"},{"N":"4"}]}},"QueryFilter":{"v":{"ComparisonOperator":"NE","AttributeValueList":[{"N":"30"}]}},"AttributesToGet":["sk","v"]}"#
        )
        let items = response["Items"]?.arrayValue ?? []
        #expect(items.map { $0["sk"]?["N"]?.stringValue } == ["2", "4"])
        #expect(items.first?["w"] == nil && items.first?["pk"] == nil)
        #expect(response["ScannedCount"] == .number("3"))
        let onKey = try db.failure(
            "Query",
            #"{"TableName":"jobs","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]}},"QueryFilter":{"sk":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}}}"#
        )
        #expect(onKey.message == "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk")
        let notIndexable = try db.failure(
            "Query",
            #"{"TableName":"jobs","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"sk":{"ComparisonOperator":"NE","AttributeValueList":[{"N":"1"}]}}}"#
        )
        #expect(notIndexable.message == "Attempted conditional constraint is not an indexable operation")
        let get = try db.call(
            "GetItem", #"{"TableName":"jobs","Key":{"pk":{"S":"p"},"sk":{"N":"1"}},"AttributesToGet":["w"]}"#)
        #expect(get["Item"] == .object(["w": .object(["S": .string("x")])]))
        let wrongSelect = try db.failure(
            "Scan", #"{"TableName":"jobs","AttributesToGet":["w"],"Select":"ALL_ATTRIBUTES"}"#)
        #expect(wrongSelect.message == "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES")
    }
}
