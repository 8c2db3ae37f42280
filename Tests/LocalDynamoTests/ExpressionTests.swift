import Testing

@testable import LocalDynamo

@Suite struct ExpressionTests {
    func condition(_ text: String, names: [String: String]? = nil, values: [String: AttributeValue]? = nil)
        throws -> Condition
    {
        var placeholders = Placeholders(names: names, values: values)
        return try ExpressionParser.condition(text, kind: .condition, placeholders: &placeholders)
    }

    func matches(_ text: String, _ item: Item, values: [String: AttributeValue] = [:], names: [String: String]? = nil)
        throws -> Bool
    {
        try Evaluator.matches(condition(text, names: names, values: values), item)
    }

    @Test func reservedWordListIsComplete() {
        #expect(ReservedWords.count == 573)
        #expect(ReservedWords.contains("status") && ReservedWords.contains("TTL") && ReservedWords.contains("Count"))
        #expect(!ReservedWords.contains("attempts") && !ReservedWords.contains("expires"))
    }

    @Test func bareReservedWordIsAnError() {
        let error = #expect(throws: DynamoError.self) { try condition("status = :s", values: [":s": .string("x")]) }
        #expect(
            error?.message
                == "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")
        #expect((try? condition("#s = :s", names: ["#s": "status"], values: [":s": .string("x")])) != nil)
    }

    @Test func undefinedPlaceholdersAreErrors() {
        let name = #expect(throws: DynamoError.self) { try condition("#x = :v", values: [":v": .null]) }
        #expect(name?.message?.contains("attribute name: #x") == true)
        let value = #expect(throws: DynamoError.self) { try condition("a = :v") }
        #expect(value?.message?.contains("attribute value: :v") == true)
    }

    @Test func unusedPlaceholdersAreErrors() throws {
        var placeholders = Placeholders(names: ["#a": "a", "#b": "b"], values: [":v": .null])
        _ = try ExpressionParser.condition("#a = :v", kind: .condition, placeholders: &placeholders)
        let error = #expect(throws: DynamoError.self) { try placeholders.checkAllUsed(requestHasExpressions: true) }
        #expect(error?.message == "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}")
    }

    @Test func syntaxErrorsNameTheToken() {
        let error = #expect(throws: DynamoError.self) { try condition("a = ", values: [:]) }
        #expect(error?.message?.hasPrefix("Invalid ConditionExpression: Syntax error; token: \"<EOF>\"") == true)
    }

    @Test func comparatorsAndLogic() throws {
        let row = try item(#"{"a":{"N":"5"},"s":{"S":"hello"},"b":{"BOOL":true}}"#)
        let five: AttributeValue = .number(DynamoNumber(5))
        #expect(try matches("a = :v", row, values: [":v": five]))
        #expect(try matches("a >= :v AND a <= :v", row, values: [":v": five]))
        #expect(try !matches("a < :v", row, values: [":v": five]))
        #expect(try matches("NOT (a <> :v) OR a > :v", row, values: [":v": five]))
        #expect(try matches("a BETWEEN :lo AND :hi", row, values: [":lo": .number(DynamoNumber(1)), ":hi": five]))
        #expect(try matches("a IN (:x, :v)", row, values: [":x": .string("5"), ":v": five]))
        #expect(try !matches("a = :x", row, values: [":x": .string("5")]))
        #expect(try matches("nothere <> :v", row, values: [":v": five]))
        #expect(try !matches("nothere = :v", row, values: [":v": five]))
        // AND binds tighter than OR.
        #expect(try matches("a = :x AND a = :x OR a = :v", row, values: [":x": .string("5"), ":v": five]))
    }

    @Test func functions() throws {
        let row = try item(
            #"{"s":{"S":"hello"},"tags":{"SS":["x","y"]},"l":{"L":[{"N":"1"},{"S":"two"}]},"m":{"M":{"k":{"N":"1"}}}}"#)
        #expect(try matches("attribute_exists(s) AND attribute_not_exists(nope)", row))
        #expect(try matches("attribute_type(s, :t)", row, values: [":t": .string("S")]))
        #expect(try matches("begins_with(s, :p)", row, values: [":p": .string("he")]))
        #expect(
            try matches(
                "contains(s, :p) AND contains(tags, :x)", row, values: [":p": .string("ell"), ":x": .string("x")]))
        #expect(try matches("contains(l, :two)", row, values: [":two": .string("two")]))
        #expect(
            try matches(
                "size(s) = :five AND size(tags) = :two AND size(m) < :two", row,
                values: [":five": .number(DynamoNumber(5)), ":two": .number(DynamoNumber(2))]))
        #expect(
            try matches(
                "m.k = :one AND l[1] = :two", row, values: [":one": .number(DynamoNumber(1)), ":two": .string("two")]))
        let bad = #expect(throws: DynamoError.self) {
            try condition("attribute_type(s, :t)", values: [":t": .string("X")])
        }
        #expect(bad?.message?.contains("Invalid attribute type name") == true)
        let unknown = #expect(throws: DynamoError.self) { try condition("foo(s)") }
        #expect(unknown?.message == "Invalid ConditionExpression: Invalid function name; function: foo")
    }

    func update(
        _ text: String, _ original: Item, values: [String: AttributeValue] = [:], names: [String: String]? = nil
    )
        throws -> Item
    {
        var placeholders = Placeholders(names: names, values: values)
        let actions = try ExpressionParser.update(text, placeholders: &placeholders)
        return try UpdateApplier.apply(actions, to: original, keyNames: ["pk"])
    }

    @Test func updateClauses() throws {
        let original = try item(
            #"{"pk":{"S":"k"},"n":{"N":"1"},"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"}]},"m":{"M":{"a":{"S":"x"}}},"s":{"SS":["a","b"]},"t":{"SS":["a","b"]}}"#
        )
        let result = try update(
            "SET n = n + :two, m.b = :v, l[1] = :v, added = if_not_exists(nothing, :two), l2 = list_append(:list, l) REMOVE l[0], l[2] ADD c :two, s :more DELETE t :a",
            original,
            values: [
                ":two": .number(DynamoNumber(2)), ":v": .string("v"), ":list": .list([.null]),
                ":more": .stringSet(["c"]), ":a": .stringSet(["a"]),
            ])
        #expect(result["n"] == .number(DynamoNumber(3)))
        #expect(result["m"] == .map(["a": .string("x"), "b": .string("v")]))
        #expect(result["l"] == .list([.string("v")]))
        #expect(result["added"] == .number(DynamoNumber(2)))
        #expect(
            result["l2"]
                == .list([.null, .number(DynamoNumber(0)), .number(DynamoNumber(1)), .number(DynamoNumber(2))]))
        #expect(result["c"] == .number(DynamoNumber(2)))
        #expect(result["s"] == .stringSet(["a", "b", "c"]))
        #expect(result["t"] == .stringSet(["b"]))
    }

    @Test func updateErrors() throws {
        let original = try item(#"{"pk":{"S":"k"},"n":{"N":"1"}}"#)
        let overlap = #expect(throws: DynamoError.self) {
            try update("SET a = :v REMOVE a", original, values: [":v": .null])
        }
        #expect(overlap?.message?.contains("Two document paths overlap") == true)
        let key = #expect(throws: DynamoError.self) { try update("SET pk = :v", original, values: [":v": .null]) }
        #expect(key?.message?.contains("Cannot update attribute pk") == true)
        let missing = #expect(throws: DynamoError.self) { try update("SET a = b", original) }
        #expect(missing?.message == "The provided expression refers to an attribute that does not exist in the item")
        let path = #expect(throws: DynamoError.self) { try update("SET x.y = :v", original, values: [":v": .null]) }
        #expect(path?.message == "The document path provided in the update expression is invalid for update")
        let twice = #expect(throws: DynamoError.self) {
            try update("SET a = :v SET b = :v", original, values: [":v": .null])
        }
        #expect(twice?.message?.contains("can only be used once") == true)
        let addString = #expect(throws: DynamoError.self) {
            try update("ADD a :v", original, values: [":v": .string("x")])
        }
        #expect(addString?.message?.contains("operator: ADD, operand type: STRING") == true)
    }

    @Test func projectionTrimsNestedValues() throws {
        let row = try item(
            #"{"a":{"M":{"b":{"L":[{"N":"0"},{"M":{"c":{"S":"keep"},"d":{"S":"drop"}}}]},"e":{"S":"drop"}}},"f":{"S":"keep"},"g":{"S":"drop"}}"#
        )
        var placeholders = Placeholders(names: nil, values: nil)
        let paths = try ExpressionParser.projection("a.b[1].c, f, nothere", placeholders: &placeholders)
        let projected = Projection.project(row, paths: paths)
        #expect(projected == (try item(#"{"a":{"M":{"b":{"L":[{"M":{"c":{"S":"keep"}}}]}}},"f":{"S":"keep"}}"#)))
    }
}
