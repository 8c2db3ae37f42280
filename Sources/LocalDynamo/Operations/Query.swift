import BuildingBlocks
import SQLiteSupport

/// Query: one partition of the table or an index, in sort-key order, paged and filtered.
enum Query {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let source = try ReadSupport.source(request, storage)
        var placeholders = try Placeholders(request: request)
        let legacy = try LegacyParameters.check(request, .query)
        let keyCondition: Condition
        let filter: Condition?
        let projection: [DocumentPath]?
        if legacy {
            guard let conditions = try LegacyConditions.keyConditions(request) else { throw missingKeyCondition }
            keyCondition = conditions
            filter = try LegacyConditions.filter(request, key: "QueryFilter", source: .queryFilter)
            projection = try LegacyParameters.attributesToGet(request)
            try placeholders.checkAllUsed(requestHasExpressions: false)
        } else {
            guard let keyText = try request.string("KeyConditionExpression") else { throw missingKeyCondition }
            keyCondition = try ExpressionParser.condition(keyText, kind: .keyCondition, placeholders: &placeholders)
            filter = try ItemSupport.condition(
                request, key: "FilterExpression", kind: .filter, placeholders: &placeholders)
            projection = try ItemSupport.projection(request, placeholders: &placeholders)
            try placeholders.checkAllUsed(requestHasExpressions: true)
        }
        let range = try KeyConditionPlan(keyCondition, schema: source.key)
        if let filter {
            try checkFilterAvoidsKeys(filter, schema: source.key, label: legacy ? "QueryFilter" : "Filter Expression")
        }
        let select = try ReadSupport.select(
            request, source: source, hasProjection: projection != nil, legacy: legacy, isQuery: true)
        let limit = try ReadSupport.limit(request)
        let forward = try request.bool("ScanIndexForward") ?? true
        let start = try ReadSupport.startKey(request, source: source)

        var sql: String
        var binds: [SQLiteValue] = [.integer(source.table.id)]
        let sortColumn: String
        if let index = source.index {
            sql = """
                SELECT i.item, i.size FROM index_entries e JOIN items i ON i.tid = e.tid AND i.pk = e.pk AND i.sk = e.sk \
                WHERE e.tid = ? AND e.idx = ? AND e.ipk = ?
                """
            binds += [.text(index.name), .blob(range.partition)]
            sortColumn = "e.isk"
        } else {
            sql = "SELECT item, size FROM items WHERE tid = ? AND pk = ?"
            binds.append(.blob(range.partition))
            sortColumn = "sk"
        }
        if let lower = range.lower {
            sql += " AND \(sortColumn) \(lower.inclusive ? ">=" : ">") ?"
            binds.append(.blob(lower.bytes))
        }
        if let upper = range.upper {
            sql += " AND \(sortColumn) \(upper.inclusive ? "<=" : "<") ?"
            binds.append(.blob(upper.bytes))
        }
        let comparison = forward ? ">" : "<"
        let direction = forward ? "" : " DESC"
        if case let (tableKey, indexKey)? = start {
            if let indexKey {
                sql += " AND (e.isk, e.pk, e.sk) \(comparison) (?, ?, ?)"
                binds += [.blob(indexKey.sort), .blob(tableKey.partition), .blob(tableKey.sort)]
            } else {
                sql += " AND sk \(comparison) ?"
                binds.append(.blob(tableKey.sort))
            }
        }
        sql +=
            source.index == nil
            ? " ORDER BY sk\(direction)" : " ORDER BY e.isk\(direction), e.pk\(direction), e.sk\(direction)"
        let result = try ReadSupport.collect(
            storage, sql: sql, binds: binds, source: source, limit: limit, filter: filter)
        return try ReadSupport.response(
            result, select: select, projection: projection, request: request, source: source)
    }

    static let missingKeyCondition = DynamoError.validation(
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")

    /// A FilterExpression (or QueryFilter) of a Query may not mention the key it queries.
    static func checkFilterAvoidsKeys(_ filter: Condition, schema: KeySchema, label: String) throws(DynamoError) {
        var names: [String] = []
        collectNames(filter, into: &names)
        for name in schema.names where names.contains(name) {
            throw .validation(
                "\(label) can only contain non-primary key attributes: Primary key attribute: \(name)")
        }
    }

    private static func collectNames(_ condition: Condition, into names: inout [String]) {
        func operand(_ value: Operand) {
            switch value {
            case .path(let path), .size(let path):
                if case .member(let name)? = path.first { names.append(name) }
            default: break
            }
        }
        switch condition {
        case .compare(let a, _, let b): operand(a); operand(b)
        case .between(let a, let b, let c): operand(a); operand(b); operand(c)
        case .oneOf(let a, let list): operand(a); list.forEach(operand)
        case .and(let a, let b), .or(let a, let b): collectNames(a, into: &names); collectNames(b, into: &names)
        case .not(let inner): collectNames(inner, into: &names)
        case .attributeExists(let path), .attributeNotExists(let path), .attributeType(let path, _):
            operand(.path(path))
        case .beginsWith(let a, let b), .contains(let a, let b): operand(a); operand(b)
        }
    }
}

/// A KeyConditionExpression reduced to a partition value and an optional sort-key byte range.
struct KeyConditionPlan {
    var partition: [UInt8] = []
    var lower: (bytes: [UInt8], inclusive: Bool)?
    var upper: (bytes: [UInt8], inclusive: Bool)?

    static func error(_ message: String) -> DynamoError { .validation("Invalid KeyConditionExpression: \(message)") }

    init() {}

    init(_ condition: Condition, schema: KeySchema) throws(DynamoError) {
        var leaves: [Condition] = []
        func flatten(_ condition: Condition) throws(DynamoError) {
            switch condition {
            case .and(let left, let right):
                try flatten(left)
                try flatten(right)
            case .compare, .between, .beginsWith:
                leaves.append(condition)
            default:
                throw KeyConditionPlan.error("Query key condition not supported")
            }
        }
        try flatten(condition)
        if schema.isComposite {
            var named: [(name: String, leaf: Condition)] = []
            for leaf in leaves { named.append(try Self.split(leaf)) }
            self = try .composite(named, schema: schema)
            return
        }
        guard leaves.count <= 2 else { throw .validation("Conditions can be of length 1 or 2 only") }
        var sawPartition = false
        var sawSort = false
        for leaf in leaves {
            let (name, rest) = try Self.split(leaf)
            if name == schema.hash.name {
                guard case .compare(_, .equal, _) = rest, let value = Self.value(rest) else {
                    throw .validation("Query key condition not supported")
                }
                guard !sawPartition else {
                    throw .validation("KeyConditionExpressions must only contain one condition per key")
                }
                sawPartition = true
                partition = try Self.encode(value, schema.hash)
                if partition.count > 2048 { throw ItemSupport.hashKeyTooLarge }
            } else if let range = schema.range, name == range.name {
                guard !sawSort else {
                    throw .validation("KeyConditionExpressions must only contain one condition per key")
                }
                sawSort = true
                try applySort(rest, range)
            } else {
                throw .validation(
                    "Query condition missed key schema element: \(schema.range.map { name == $0.name ? schema.hash.name : $0.name } ?? schema.hash.name)"
                )
            }
        }
        guard sawPartition else { throw .validation("Query condition missed key schema element: \(schema.hash.name)") }
    }

    /// The key name a leaf constrains, and the leaf rewritten with the path on the left.
    static func split(_ leaf: Condition) throws(DynamoError) -> (String, Condition) {
        func name(_ operand: Operand) -> String? {
            if case .path(let path) = operand, path.count == 1, case .member(let name) = path[0] { return name }
            return nil
        }
        switch leaf {
        case .compare(let left, let comparator, let right):
            if let key = name(left), case .value = right { return (key, leaf) }
            if let key = name(right), case .value = left { return (key, .compare(right, comparator.flipped, left)) }
        case .between(let subject, .value, .value):
            if let key = name(subject) { return (key, leaf) }
        case .beginsWith(let subject, .value):
            if let key = name(subject) { return (key, leaf) }
        default: break
        }
        throw error("Query key condition not supported")
    }

    private static func value(_ leaf: Condition) -> AttributeValue? {
        if case .compare(_, _, .value(let value)) = leaf { return value }
        return nil
    }

    static func encode(_ value: AttributeValue, _ attribute: KeyAttribute) throws(DynamoError) -> [UInt8] {
        guard let bytes = KeyEncoding.encode(value, as: attribute.type) else {
            throw .invalidParameter("Condition parameter type does not match schema type")
        }
        return bytes
    }

    /// A sort-key bound, held to the sort-key size limit.
    static func encodeSort(_ value: AttributeValue, _ attribute: KeyAttribute) throws(DynamoError) -> [UInt8] {
        let bytes = try encode(value, attribute)
        if bytes.count > 1024 { throw ItemSupport.rangeKeyTooLarge }
        return bytes
    }

    private mutating func applySort(_ leaf: Condition, _ attribute: KeyAttribute) throws(DynamoError) {
        switch leaf {
        case .compare(_, let comparator, .value(let value)):
            let bytes = try Self.encodeSort(value, attribute)
            switch comparator {
            case .equal:
                lower = (bytes, true)
                upper = (bytes, true)
            case .less: upper = (bytes, false)
            case .lessOrEqual: upper = (bytes, true)
            case .greater: lower = (bytes, false)
            case .greaterOrEqual: lower = (bytes, true)
            case .notEqual: throw Self.error("Unsupported operator in KeyConditionExpression: <>")
            }
        case .between(_, .value(let low), .value(let high)):
            lower = (try Self.encodeSort(low, attribute), true)
            upper = (try Self.encodeSort(high, attribute), true)
        case .beginsWith(_, .value(let prefixValue)):
            guard attribute.type != .number else {
                throw Self.error(
                    "Incorrect operand type for operator or function; operator or function: begins_with, operand type: NUMBER"
                )
            }
            let prefix = try Self.encodeSort(prefixValue, attribute)
            lower = (prefix, true)
            upper = KeyEncoding.prefixSuccessor(prefix).map { ($0, false) }
        default:
            throw Self.error("Query key condition not supported")
        }
    }
}
