/// The legacy condition maps (Expected, KeyConditions, QueryFilter, ScanFilter) translated into the
/// expression AST, with DynamoDB's validation of each ComparisonOperator's arguments.
enum LegacyConditions {
    /// The ComparisonOperator enum in the order DynamoDB lists it in enum-constraint messages.
    static let operators = [
        "IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE",
        "CONTAINS",
    ]

    /// Which map a condition came from: names the field in shape-level messages.
    enum Source: String {
        case expected = "expected"
        case keyConditions = "keyConditions"
        case queryFilter = "queryFilter"
        case scanFilter = "scanFilter"
    }

    static func invalid(_ message: String) -> DynamoError { .invalidParameter(message) }

    /// `Expected`: per attribute `Value`/`Exists` or `ComparisonOperator`/`AttributeValueList`, joined by
    /// `ConditionalOperator` (AND when absent).
    static func expected(_ request: RequestReader) throws(DynamoError) -> Condition? {
        guard let map = try request.object("Expected") else {
            try checkConditionalOperatorAlone(request)
            return nil
        }
        var leaves: [Condition] = []
        for (name, entry) in map.sorted(by: { $0.key < $1.key }) {
            guard let members = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
            let reader = RequestReader(members)
            let exists = try reader.bool("Exists")
            let value = try reader.object("Value").map { (json) throws(DynamoError) in
                try AttributeValue(json: .object(json))
            }
            let hasList = try reader.array("AttributeValueList") != nil
            if try reader.string("ComparisonOperator") != nil {
                if exists != nil {
                    throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: \(name)")
                }
                if value != nil && hasList {
                    throw invalid("Value and AttributeValueList cannot be used together for Attribute: \(name)")
                }
                leaves.append(try comparison(name, reader, source: .expected, single: value))
            } else if hasList {
                throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: \(name)")
            } else if exists ?? true {
                guard let value else {
                    let state = exists.map { String($0) } ?? "null"
                    throw invalid("Value must be provided when Exists is \(state) for Attribute: \(name)")
                }
                leaves.append(.compare(.path([.member(name)]), .equal, .value(value)))
            } else {
                if value != nil {
                    throw invalid("Value cannot be used when Exists is false for Attribute: \(name)")
                }
                leaves.append(.attributeNotExists([.member(name)]))
            }
        }
        return try combine(leaves, request)
    }

    /// QueryFilter or ScanFilter: `ComparisonOperator` and `AttributeValueList` per attribute.
    static func filter(_ request: RequestReader, key: String, source: Source) throws(DynamoError) -> Condition? {
        guard let map = try request.object(key) else { return nil }
        var leaves: [Condition] = []
        for (name, entry) in map.sorted(by: { $0.key < $1.key }) {
            guard let members = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
            leaves.append(try comparison(name, RequestReader(members), source: source, single: nil))
        }
        return try combine(leaves, request)
    }

    /// KeyConditions: always joined with AND (ConditionalOperator does not apply to key conditions).
    static func keyConditions(_ request: RequestReader) throws(DynamoError) -> Condition? {
        guard let map = try request.object("KeyConditions") else { return nil }
        var leaves: [Condition] = []
        for (name, entry) in map.sorted(by: { $0.key < $1.key }) {
            guard let members = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
            let reader = RequestReader(members)
            let leaf = try comparison(name, reader, source: .keyConditions, single: nil)
            let indexable = ["EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN"]
            guard let op = try reader.string("ComparisonOperator"), indexable.contains(op) else {
                throw .validation("Attempted conditional constraint is not an indexable operation")
            }
            leaves.append(leaf)
        }
        guard var condition = leaves.first else {
            throw .validation("Conditions can be of length 1 or 2 only")
        }
        for leaf in leaves.dropFirst() { condition = .and(condition, leaf) }
        return condition
    }

    private static func checkConditionalOperatorAlone(_ request: RequestReader) throws(DynamoError) {
        _ = try request.choice("ConditionalOperator", ["AND", "OR"], default: "AND")
    }

    private static func combine(_ leaves: [Condition], _ request: RequestReader) throws(DynamoError) -> Condition? {
        let joiner = try request.choice("ConditionalOperator", ["AND", "OR"], default: "AND")
        guard var condition = leaves.first else { return nil }
        for leaf in leaves.dropFirst() {
            condition = joiner == "OR" ? .or(condition, leaf) : .and(condition, leaf)
        }
        return condition
    }

    /// One `{ComparisonOperator, AttributeValueList}` entry (or `Value` inside Expected) as a condition.
    static func comparison(
        _ name: String, _ reader: RequestReader, source: Source, single: AttributeValue?
    ) throws(DynamoError) -> Condition {
        guard let op = try reader.string("ComparisonOperator") else {
            throw .validation(
                "1 validation error detected: Value null at '\(source.rawValue).\(name).member.comparisonOperator' failed to satisfy constraint: Member must not be null"
            )
        }
        guard operators.contains(op) else {
            throw .validation(
                "1 validation error detected: Value '\(op)' at '\(source.rawValue).\(name).member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [\(operators.joined(separator: ", "))]"
            )
        }
        var arguments: [AttributeValue] = []
        if let list = try reader.array("AttributeValueList") {
            for json in list { arguments.append(try AttributeValue(json: json)) }
        } else if let single {
            arguments = [single]
        }
        try checkArguments(op, arguments)
        let path = Operand.path([.member(name)])
        let values = arguments.map { Operand.value($0) }
        switch op {
        case "EQ": return .compare(path, .equal, values[0])
        case "NE": return .compare(path, .notEqual, values[0])
        case "LT": return .compare(path, .less, values[0])
        case "LE": return .compare(path, .lessOrEqual, values[0])
        case "GT": return .compare(path, .greater, values[0])
        case "GE": return .compare(path, .greaterOrEqual, values[0])
        case "NULL": return .attributeNotExists([.member(name)])
        case "NOT_NULL": return .attributeExists([.member(name)])
        case "CONTAINS": return .contains(path, values[0])
        // A missing attribute does not satisfy NOT_CONTAINS (unlike `NOT contains(...)` in an expression).
        case "NOT_CONTAINS": return .and(.attributeExists([.member(name)]), .not(.contains(path, values[0])))
        case "BEGINS_WITH": return .beginsWith(path, values[0])
        case "IN": return .oneOf(path, values)
        default: return .between(path, values[0], values[1])
        }
    }

    /// DynamoDB's argument-count and argument-type rules per operator.
    static func checkArguments(_ op: String, _ arguments: [AttributeValue]) throws(DynamoError) {
        let countIsValid: Bool
        switch op {
        case "NULL", "NOT_NULL": countIsValid = arguments.isEmpty
        case "IN": countIsValid = !arguments.isEmpty
        case "BETWEEN": countIsValid = arguments.count == 2
        default: countIsValid = arguments.count == 1
        }
        guard countIsValid else { throw invalid("Invalid number of argument(s) for the \(op) ComparisonOperator") }
        let allowed: Set<String>
        switch op {
        case "EQ", "NE": allowed = ["S", "N", "B", "SS", "NS", "BS", "BOOL", "NULL", "L", "M"]
        case "BEGINS_WITH": allowed = ["S", "B"]
        default: allowed = ["S", "N", "B"]
        }
        for argument in arguments where !allowed.contains(argument.typeTag) {
            throw invalid("ComparisonOperator \(op) is not valid for \(argument.typeTag) AttributeValue type")
        }
        if op == "IN" || op == "BETWEEN", Set(arguments.map(\.typeTag)).count > 1 {
            throw invalid("AttributeValues inside AttributeValueList must be of same type")
        }
        if op == "BETWEEN", let order = Evaluator.order(arguments[0], arguments[1]), order > 0 {
            throw invalid(
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")
        }
    }
}
