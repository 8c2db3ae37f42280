/// Multi-attribute global secondary index keys: up to 4 HASH attributes then up to 4 RANGE attributes, each of
/// its own scalar type, stored in the order-preserving tuple encoding of `KeyEncoding.component`.
extension KeySchema {
    static let maximumComposite = 4
}

extension TableDefinition {
    /// Validates a multi-attribute GSI KeySchema: HASH elements first, at most 4 of each, no name twice.
    static func compositeKeySchema(
        _ elements: [(name: String, type: String)], definitions: [KeyAttribute]
    ) throws(DynamoError) -> KeySchema {
        let hashCount = elements.prefix { $0.type == "HASH" }.count
        guard elements[hashCount...].allSatisfy({ $0.type == "RANGE" }) else {
            throw .invalidParameter("Invalid KeySchema: all HASH key elements must come before the RANGE key elements")
        }
        let rangeCount = elements.count - hashCount
        guard hashCount <= KeySchema.maximumComposite, rangeCount <= KeySchema.maximumComposite else {
            throw .invalidParameter(
                "Invalid KeySchema: a global secondary index key has at most \(KeySchema.maximumComposite) HASH and \(KeySchema.maximumComposite) RANGE key elements"
            )
        }
        var seen: Set<String> = []
        for element in elements where !seen.insert(element.name).inserted {
            throw .invalidParameter("Invalid KeySchema: Duplicate AttributeName in KeySchema: \(element.name)")
        }
        var attributes: [KeyAttribute] = []
        for element in elements {
            attributes.append(try keyAttribute(element.name, elements: elements, definitions: definitions))
        }
        let hashes = Array(attributes[..<hashCount])
        let ranges = Array(attributes[hashCount...])
        return KeySchema(
            hash: hashes[0], range: ranges.first, moreHash: Array(hashes.dropFirst()),
            moreRange: Array(ranges.dropFirst()))
    }
}

extension KeyConditionPlan {
    /// The plan of a KeyConditionExpression on a multi-attribute key: `=` on every HASH attribute, then
    /// conditions on the RANGE attributes left to right without gaps, only the last of them a range condition.
    static func composite(_ leaves: [(name: String, leaf: Condition)], schema: KeySchema) throws(DynamoError)
        -> KeyConditionPlan
    {
        var byName: [String: Condition] = [:]
        for (name, leaf) in leaves {
            guard byName.updateValue(leaf, forKey: name) == nil else {
                throw .validation("KeyConditionExpressions must only contain one condition per key")
            }
        }
        var plan = KeyConditionPlan()
        for attribute in schema.hashAttributes {
            guard let leaf = byName[attribute.name] else {
                throw .validation("Query condition missed key schema element: \(attribute.name)")
            }
            guard case .compare(_, .equal, .value(let value)) = leaf else {
                throw .validation("Query key condition not supported")
            }
            plan.partition += KeyEncoding.component(try encode(value, attribute))
        }
        if let stray = byName.keys.sorted().first(where: { !schema.names.contains($0) }) {
            throw .validation("Query key condition not supported: \(stray) is not a key attribute of the index")
        }
        let ranges = schema.rangeAttributes
        let conditioned = ranges.prefix { byName[$0.name] != nil }
        if let skipped = ranges.dropFirst(conditioned.count).first(where: { byName[$0.name] != nil }) {
            throw .validation(
                "Query key condition not supported: the condition on sort key \(skipped.name) skips an earlier sort key attribute"
            )
        }
        var prefix: [UInt8] = []
        for (offset, attribute) in conditioned.enumerated() {
            guard let leaf = byName[attribute.name] else { continue }
            if case .compare(_, .equal, .value(let value)) = leaf {
                prefix += KeyEncoding.component(try encodeSort(value, attribute))
                continue
            }
            guard offset == conditioned.count - 1 else {
                throw .validation(
                    "Query key condition not supported: only the last sort key condition may be a range condition; key: \(attribute.name)"
                )
            }
            try plan.applyCompositeRange(leaf, attribute, prefix: prefix)
            return plan
        }
        if !prefix.isEmpty {
            plan.lower = (prefix, true)
            plan.upper = KeyEncoding.prefixSuccessor(prefix).map { ($0, false) }
        }
        return plan
    }

    /// Bounds for a range condition on the last constrained sort attribute, after an equal `prefix`.
    private mutating func applyCompositeRange(
        _ leaf: Condition, _ attribute: KeyAttribute, prefix: [UInt8]
    ) throws(DynamoError) {
        let afterPrefix = KeyEncoding.prefixSuccessor(prefix).map { ($0, false) }
        func bound(_ value: AttributeValue) throws(DynamoError) -> [UInt8] {
            prefix + KeyEncoding.component(try Self.encodeSort(value, attribute))
        }
        func after(_ bytes: [UInt8]) -> [UInt8] { KeyEncoding.prefixSuccessor(bytes) ?? bytes }
        switch leaf {
        case .compare(_, let comparator, .value(let value)):
            let point = try bound(value)
            switch comparator {
            case .less: (lower, upper) = ((prefix, true), (point, false))
            case .lessOrEqual: (lower, upper) = ((prefix, true), (after(point), false))
            case .greater: (lower, upper) = ((after(point), true), afterPrefix)
            case .greaterOrEqual: (lower, upper) = ((point, true), afterPrefix)
            default: throw Self.error("Unsupported operator in KeyConditionExpression: <>")
            }
        case .between(_, .value(let low), .value(let high)):
            (lower, upper) = ((try bound(low), true), (after(try bound(high)), false))
        case .beginsWith(_, .value(let value)):
            guard attribute.type != .number else {
                throw Self.error(
                    "Incorrect operand type for operator or function; operator or function: begins_with, operand type: NUMBER"
                )
            }
            let start = prefix + KeyEncoding.component(try Self.encodeSort(value, attribute), terminated: false)
            lower = (start, true)
            upper = KeyEncoding.prefixSuccessor(start).map { ($0, false) }
        default:
            throw Self.error("Query key condition not supported")
        }
    }
}
