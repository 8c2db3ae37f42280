/// Key and item validation shared by the item operations.
enum ItemSupport {
    /// Validates a `Key` map against the table's key schema and returns its stored form.
    static func storedKey(_ table: TableDefinition, key: Item) throws(DynamoError) -> StoredKey {
        guard key.count == table.key.attributes.count else {
            throw .validation("The provided key element does not match the schema")
        }
        return try storedKey(
            table.key, of: key, mismatch: .validation("The provided key element does not match the schema"))
    }

    static func storedKey(
        _ schema: KeySchema, of item: Item, mismatch: DynamoError
    ) throws(DynamoError) -> StoredKey {
        guard let hash = item[schema.hash.name] else { throw mismatch }
        let partition = try encodedKey(hash, schema.hash)
        var sort: [UInt8] = []
        if let range = schema.range {
            guard let value = item[range.name] else { throw mismatch }
            sort = try encodedKey(value, range)
        }
        return StoredKey(partition: partition, sort: sort)
    }

    private static func encodedKey(_ value: AttributeValue, _ attribute: KeyAttribute) throws(DynamoError) -> [UInt8] {
        guard let encoded = KeyEncoding.encode(value, as: attribute.type) else {
            throw .invalidParameter(
                "Type mismatch for key \(attribute.name) expected: \(attribute.type.rawValue) actual: \(value.typeTag)")
        }
        var isEmpty = false
        if case .string(let text) = value { isEmpty = text.isEmpty }
        if case .binary(let bytes) = value { isEmpty = bytes.isEmpty }
        if isEmpty {
            throw .validation(
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty \(value.typeTag == "S" ? "string" : "binary") value. Key: \(attribute.name)"
            )
        }
        return encoded
    }

    /// Validates a whole item for writing (keys present and typed, index keys typed, size) and returns its key.
    static func validateForWrite(_ table: TableDefinition, item: Item) throws(DynamoError) -> (StoredKey, Int) {
        for attribute in table.key.attributes where item[attribute.name] == nil {
            throw .invalidParameter("Missing the key \(attribute.name) in the item")
        }
        let key = try storedKey(
            table.key, of: item, mismatch: .validation("The provided key element does not match the schema"))
        if key.partition.count > 2048 {
            throw .validation(
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"
            )
        }
        if key.sort.count > 1024 {
            throw .validation(
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes"
            )
        }
        for index in table.indexes {
            for attribute in index.key.attributes {
                guard let value = item[attribute.name] else { continue }
                guard KeyEncoding.encode(value, as: attribute.type) != nil else {
                    throw .invalidParameter(
                        "Type mismatch for Index Key \(attribute.name) Expected: \(attribute.type.rawValue) Actual: \(value.typeTag) IndexName: \(index.name)"
                    )
                }
                if case .string(let text) = value, text.isEmpty {
                    throw .invalidParameter(
                        "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: \(index.name), IndexKey: \(attribute.name)"
                    )
                }
            }
        }
        let size = ItemSize.of(item)
        guard size <= ItemSize.maximum else { throw .validation("Item size has exceeded the maximum allowed size") }
        return (key, size)
    }

    /// The table key attributes of an item.
    static func keyAttributes(of item: Item, schema: KeySchema) -> Item {
        var key: Item = [:]
        for name in schema.names { key[name] = item[name] }
        return key
    }

    /// ConsumedCapacity when the client asked for it (TOTAL or INDEXES); one unit per item touched.
    static func consumedCapacity(_ request: RequestReader, table: String, units: Double) throws(DynamoError) -> JSON? {
        let mode = try request.choice("ReturnConsumedCapacity", ["INDEXES", "TOTAL", "NONE"], default: "NONE")
        guard mode != "NONE" else { return nil }
        var capacity: [String: JSON] = ["TableName": .string(table), "CapacityUnits": .number(String(units))]
        if mode == "INDEXES" { capacity["Table"] = .object(["CapacityUnits": .number(String(units))]) }
        return .object(capacity)
    }

    /// Parses and checks a ConditionExpression, if the request has one.
    static func condition(
        _ request: RequestReader, key: String = "ConditionExpression", kind: ExpressionKind = .condition,
        placeholders: inout Placeholders
    ) throws(DynamoError) -> Condition? {
        guard let text = try request.string(key) else { return nil }
        return try ExpressionParser.condition(text, kind: kind, placeholders: &placeholders)
    }

    static func projection(
        _ request: RequestReader, placeholders: inout Placeholders
    ) throws(DynamoError) -> [DocumentPath]? {
        guard let text = try request.string("ProjectionExpression") else { return nil }
        return try ExpressionParser.projection(text, placeholders: &placeholders)
    }

    /// Raises ConditionalCheckFailedException, carrying the old item for ReturnValuesOnConditionCheckFailure=ALL_OLD.
    static func checkCondition(
        _ condition: Condition?, old: Item?, returnOldOnFailure: Bool
    ) throws(DynamoError) {
        guard let condition else { return }
        if try !Evaluator.matches(condition, old ?? [:]) {
            var failure = DynamoError.conditionFailed
            if returnOldOnFailure { failure.item = old }
            throw failure
        }
    }

    static func returnOnFailure(_ request: RequestReader) throws(DynamoError) -> Bool {
        try request.choice("ReturnValuesOnConditionCheckFailure", ["ALL_OLD", "NONE"], default: "NONE") == "ALL_OLD"
    }
}
