/// The legacy (pre-expression) request parameters: the mixing rule, AttributesToGet and AttributeUpdates.
/// Translation happens only when a request carries one of them, so expression requests pay nothing.
enum LegacyParameters {
    /// The parameters each action knows, in the order DynamoDB lists them in the mixing error.
    struct Family {
        let legacy: [String]
        let expressions: [String]

        static let getItem = Family(legacy: ["AttributesToGet"], expressions: ["ProjectionExpression"])
        static let putItem = Family(
            legacy: ["Expected", "ConditionalOperator"], expressions: ["ConditionExpression"])
        static let deleteItem = putItem
        static let updateItem = Family(
            legacy: ["AttributeUpdates", "Expected", "ConditionalOperator"],
            expressions: ["UpdateExpression", "ConditionExpression"])
        static let query = Family(
            legacy: ["AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"],
            expressions: ["ProjectionExpression", "FilterExpression", "KeyConditionExpression"])
        static let scan = Family(
            legacy: ["AttributesToGet", "ScanFilter", "ConditionalOperator"],
            expressions: ["ProjectionExpression", "FilterExpression"])
    }

    static func present(_ request: RequestReader, _ key: String) -> Bool {
        guard let value = request.members[key] else { return false }
        if case .null = value { return false }
        return true
    }

    /// Whether the request uses any legacy parameter of `family`; refuses a mix with expression parameters.
    static func check(_ request: RequestReader, _ family: Family) throws(DynamoError) -> Bool {
        guard family.legacy.contains(where: { present(request, $0) }) else { return false }
        let legacy = family.legacy.filter { present(request, $0) }
        let expressions = family.expressions.filter { present(request, $0) }
        if !expressions.isEmpty {
            throw .validation(
                "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {\(legacy.joined(separator: ", "))} Expression parameters: {\(expressions.joined(separator: ", "))}"
            )
        }
        return true
    }

    /// AttributesToGet as top-level projection paths.
    static func attributesToGet(_ request: RequestReader) throws(DynamoError) -> [DocumentPath]? {
        guard let list = try request.array("AttributesToGet") else { return nil }
        guard !list.isEmpty else {
            throw .validation(
                "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1"
            )
        }
        var names: [String] = []
        for entry in list {
            guard case .string(let name) = entry else { throw .serialization("Unexpected value type in payload") }
            if names.contains(name) { throw .invalidParameter("Duplicate value in attribute name: \(name)") }
            names.append(name)
        }
        return names.map { [.member($0)] }
    }

    /// AttributeUpdates as update actions: PUT is SET, DELETE without a value is REMOVE, DELETE with a set
    /// subtracts, ADD adds to a number or a set.
    static func attributeUpdates(_ request: RequestReader) throws(DynamoError) -> UpdateActions? {
        guard let map = try request.object("AttributeUpdates") else { return nil }
        var actions = UpdateActions()
        for (name, entry) in map.sorted(by: { $0.key < $1.key }) {
            guard let members = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
            let reader = RequestReader(members)
            let action = try reader.string("Action") ?? "PUT"
            guard ["ADD", "PUT", "DELETE"].contains(action) else {
                throw .validation(
                    "1 validation error detected: Value '\(members["Action"]?.stringValueForMessage ?? "")' at 'attributeUpdates.\(name).member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]"
                )
            }
            let value = try reader.object("Value").map { (json) throws(DynamoError) in
                try AttributeValue(json: .object(json))
            }
            let path: DocumentPath = [.member(name)]
            switch (action, value) {
            case ("DELETE", nil):
                actions.remove.append(path)
            case (_, nil):
                throw .invalidParameter("Only DELETE action is allowed when no attribute value is specified")
            case ("PUT", let value?):
                actions.set.append((path, .value(value)))
            case ("ADD", let value?):
                switch value {
                case .number, .stringSet, .numberSet, .binarySet: actions.add.append((path, value))
                default: throw .invalidParameter("ADD action is not supported for the type \(value.typeTag)")
                }
            case (_, let value?):
                switch value {
                case .stringSet, .numberSet, .binarySet: actions.delete.append((path, value))
                default:
                    throw .invalidParameter("DELETE action with value is not supported for the type \(value.typeTag)")
                }
            }
        }
        return actions
    }
}

extension JSON {
    /// A scalar member as it appears inside a shape-level message.
    fileprivate var stringValueForMessage: String {
        switch self {
        case .string(let text): return text
        default: return String(decoding: serialized(), as: UTF8.self)
        }
    }
}
