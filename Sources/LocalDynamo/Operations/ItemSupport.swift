/// Key and item validation shared by the item operations.
enum ItemSupport {
    /// Validates a `Key` map against the table's key schema and returns its stored form.
    static func storedKey(_ table: TableDefinition, key: Item) throws(DynamoError) -> StoredKey {
        guard key.count == table.key.attributes.count else {
            throw .validation("The provided key element does not match the schema")
        }
        return try storedKey(
            table.key, of: key, mismatch: .validation("The provided key element does not match the schema"),
            wrongTypeIsMismatch: true)
    }

    /// The stored key of `item`; a missing key attribute is `mismatch`, and so is a wrongly typed one when
    /// `wrongTypeIsMismatch` (a `Key` parameter) rather than a type-mismatch message (an `Item`).
    static func storedKey(
        _ schema: KeySchema, of item: Item, mismatch: DynamoError, wrongTypeIsMismatch: Bool = false
    ) throws(DynamoError) -> StoredKey {
        guard let hash = item[schema.hash.name] else { throw mismatch }
        let wrongType = wrongTypeIsMismatch ? mismatch : nil
        let partition = try encodedKey(hash, schema.hash, wrongType: wrongType)
        var sort: [UInt8] = []
        if let range = schema.range {
            guard let value = item[range.name] else { throw mismatch }
            sort = try encodedKey(value, range, wrongType: wrongType)
        }
        try checkKeySizes(partition: partition, sort: sort)
        return StoredKey(partition: partition, sort: sort)
    }

    /// PutItem's and DeleteItem's ReturnValues: whether ALL_OLD is asked for (NONE is the only other mode).
    static func returnsAllOld(_ request: RequestReader) throws(DynamoError) -> Bool {
        let returnValues = try request.string("ReturnValues") ?? "NONE"
        guard returnValues == "NONE" || returnValues == "ALL_OLD" else {
            throw .validation("ReturnValues can only be ALL_OLD or NONE")
        }
        return returnValues == "ALL_OLD"
    }

    /// A single-item write's answer: the attributes to return (left out when none) and ConsumedCapacity when
    /// asked for.
    static func writeResponse(
        _ request: RequestReader, table: TableDefinition, attributes: Item?, old: Item?, new: Item?
    ) throws(DynamoError) -> JSON {
        var response: [String: JSON] = [:]
        if let attributes, !attributes.isEmpty { response["Attributes"] = AttributeValue.encode(item: attributes) }
        if let capacity = try Capacity.write(request, table: table, old: old, new: new) {
            response["ConsumedCapacity"] = capacity
        }
        return .object(response)
    }

    static let hashKeyTooLarge = DynamoError.invalidParameter(
        "Size of hashkey has exceeded the maximum size limit of2048 bytes")
    static let rangeKeyTooLarge = DynamoError.invalidParameter(
        "Aggregated size of all range keys has exceeded the size limit of 1024 bytes")

    /// DynamoDB's key-size limits (partition 2048 bytes, sort 1024), for reads and writes alike.
    static func checkKeySizes(partition: [UInt8], sort: [UInt8]) throws(DynamoError) {
        if partition.count > 2048 { throw hashKeyTooLarge }
        if sort.count > 1024 { throw rangeKeyTooLarge }
    }

    private static func encodedKey(
        _ value: AttributeValue, _ attribute: KeyAttribute, wrongType: DynamoError?
    ) throws(DynamoError) -> [UInt8] {
        guard let encoded = KeyEncoding.encode(value, as: attribute.type) else {
            if let wrongType { throw wrongType }
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
        for index in table.indexes {
            for attribute in index.key.attributes {
                guard let value = item[attribute.name] else { continue }
                guard KeyEncoding.encode(value, as: attribute.type) != nil else {
                    throw .invalidParameter(
                        "Type mismatch for Index Key \(attribute.name) Expected: \(attribute.type.rawValue) Actual: \(value.typeTag) IndexName: \(index.name)"
                    )
                }
                var emptyKind: String?
                if case .string(let text) = value, text.isEmpty { emptyKind = "string" }
                if case .binary(let bytes) = value, bytes.isEmpty { emptyKind = "binary" }
                if let emptyKind {
                    throw .validation(
                        "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty \(emptyKind) value. IndexName: \(index.name), IndexKey: \(attribute.name)"
                    )
                }
            }
        }
        for name in item.keys { try checkAttributeName(name) }
        let size = ItemSize.of(item)
        guard size <= ItemSize.maximum else { throw .validation("Item size has exceeded the maximum allowed size") }
        return (key, size)
    }

    /// Attribute names are 1 to 65535 bytes of UTF-8.
    static func checkAttributeName(_ name: String) throws(DynamoError) {
        let length = name.utf8.count
        if length == 0 { throw .invalidParameter("An attribute name cannot be empty") }
        if length > 65535 {
            throw .invalidParameter("Attribute name is too large, must be less than 65536 bytes long")
        }
    }

    /// The table key attributes of an item.
    static func keyAttributes(of item: Item, schema: KeySchema) -> Item {
        var key: Item = [:]
        for name in schema.names { key[name] = item[name] }
        return key
    }

    /// Parses and checks a ConditionExpression, if the request has one.
    static func condition(
        _ request: RequestReader, key: String = "ConditionExpression", kind: ExpressionKind = .condition,
        placeholders: inout Placeholders
    ) throws(DynamoError) -> Condition? {
        guard let text = try request.string(key) else { return nil }
        return try ExpressionParser.condition(text, kind: kind, placeholders: &placeholders)
    }

    /// The write condition: ConditionExpression, or the legacy Expected map (never both).
    static func writeCondition(
        _ request: RequestReader, _ family: LegacyParameters.Family, placeholders: inout Placeholders
    ) throws(DynamoError) -> Condition? {
        if try LegacyParameters.check(request, family) {
            let condition = try LegacyConditions.expected(request)
            try placeholders.checkAllUsed(requestHasExpressions: false)
            return condition
        }
        return try condition(request, placeholders: &placeholders)
    }

    /// ProjectionExpression, or the legacy AttributesToGet (never both).
    static func readProjection(
        _ request: RequestReader, _ family: LegacyParameters.Family, placeholders: inout Placeholders
    ) throws(DynamoError) -> [DocumentPath]? {
        if try LegacyParameters.check(request, family) { return try LegacyParameters.attributesToGet(request) }
        return try projection(request, placeholders: &placeholders)
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
