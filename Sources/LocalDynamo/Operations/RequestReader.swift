/// Typed access to a request's JSON members: a member of the wrong JSON type is a SerializationException,
/// a missing required member or a bad value a ValidationException naming the member.
struct RequestReader {
    let members: [String: JSON]

    init(_ members: [String: JSON]) { self.members = members }

    /// The member name as DynamoDB spells it in shape-level messages (`tableName`, `key`).
    static func fieldName(_ key: String) -> String { key.prefix(1).lowercased() + key.dropFirst() }

    static func missing(_ key: String) -> DynamoError {
        .validation(
            "1 validation error detected: Value null at '\(fieldName(key))' failed to satisfy constraint: Member must not be null"
        )
    }

    private func typed<T>(_ key: String, _ extract: (JSON) -> T?) throws(DynamoError) -> T? {
        guard let value = members[key] else { return nil }
        if case .null = value { return nil }
        guard let typed = extract(value) else {
            throw .serialization("Unexpected value type in payload: \(key) must not be a \(value.kindName)")
        }
        return typed
    }

    func string(_ key: String) throws(DynamoError) -> String? {
        try typed(key) { if case .string(let text) = $0 { return text } else { return nil } }
    }

    func requiredString(_ key: String) throws(DynamoError) -> String {
        guard let text = try string(key) else { throw RequestReader.missing(key) }
        return text
    }

    func bool(_ key: String) throws(DynamoError) -> Bool? {
        try typed(key) { if case .bool(let flag) = $0 { return flag } else { return nil } }
    }

    func int(_ key: String) throws(DynamoError) -> Int? {
        try typed(key) { json -> Int? in
            if case .number(let text) = json { return Int(text) ?? (Double(text).map { $0 < 0 ? Int.min : Int.max }) }
            return nil
        }
    }

    func object(_ key: String) throws(DynamoError) -> [String: JSON]? {
        try typed(key) { $0.objectValue }
    }

    func array(_ key: String) throws(DynamoError) -> [JSON]? {
        try typed(key) { if case .array(let values) = $0 { return values } else { return nil } }
    }

    func item(_ key: String) throws(DynamoError) -> Item? {
        guard let members = try object(key) else { return nil }
        return try AttributeValue.decode(item: .object(members))
    }

    /// A batch's RequestItems (tables to their requests): required, and not empty.
    func requestItems() throws(DynamoError) -> [String: JSON] {
        guard let requestItems = try object("RequestItems") else { throw RequestReader.missing("RequestItems") }
        guard !requestItems.isEmpty else {
            throw .validation(
                "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"
            )
        }
        return requestItems
    }

    /// TableName, checked for DynamoDB's length and character rules.
    func tableName(_ key: String = "TableName") throws(DynamoError) -> String {
        let name = try requiredString(key)
        try RequestReader.validateName(name, field: RequestReader.fieldName(key))
        return name
    }

    static func validateName(_ name: String, field: String) throws(DynamoError) {
        let prefix = "1 validation error detected: Value '\(name)' at '\(field)' failed to satisfy constraint: "
        if name.utf8.count < 3 { throw .validation(prefix + "Member must have length greater than or equal to 3") }
        if name.utf8.count > 255 { throw .validation(prefix + "Member must have length less than or equal to 255") }
        let allowed = name.utf8.allSatisfy { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 95
                || byte == 45 || byte == 46
        }
        if !allowed { throw .validation(prefix + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+") }
    }

    /// An enumeration member, checked against its allowed values.
    func choice(_ key: String, _ allowed: [String], default fallback: String) throws(DynamoError) -> String {
        guard let value = try string(key) else { return fallback }
        guard allowed.contains(value) else {
            throw .validation(
                "1 validation error detected: Value '\(value)' at '\(RequestReader.fieldName(key))' failed to satisfy constraint: Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]"
            )
        }
        return value
    }
}
