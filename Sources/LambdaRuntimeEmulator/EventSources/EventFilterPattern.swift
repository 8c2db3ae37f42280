import LocalDynamo

/// A Lambda event filter (`FilterCriteria.Filters[].Pattern`), the subset of EventBridge patterns Lambda accepts:
/// a record matches when every key of the pattern matches. A leaf is a list of alternatives: a value (strings and
/// numbers compared by their text, so `300` is not `300.0`), `null`, or `{"prefix"}`, `{"suffix"}`,
/// `{"equals-ignore-case"}`, `{"anything-but"}`, `{"numeric"}`, `{"exists"}`. A leaf that meets an array
/// matches when any element does.
struct EventFilterPattern: Sendable {
    /// Why a pattern is not one Lambda accepts.
    struct Invalid: Error {
        let reason: String
    }

    indirect enum Node: Sendable {
        case object([String: Node])
        case alternatives([Rule])
    }

    enum Rule: Sendable {
        case equals(JSON)
        case prefix(String)
        case suffix(String)
        case equalsIgnoringCase(String)
        case anythingBut([JSON])
        case anythingButPrefix(String)
        case numeric([(comparison: String, value: Double)])
        case exists(Bool)
    }

    let root: [String: Node]

    init(_ text: String) throws(Invalid) {
        let parsed: JSON
        do {
            parsed = try JSON.parse(Array(text.utf8))
        } catch {
            throw Invalid(reason: "The pattern is not valid JSON (at byte \(error.offset)).")
        }
        guard case .object(let members) = parsed else { throw Invalid(reason: "The pattern must be a JSON object.") }
        root = try Self.object(members, path: "")
    }

    func matches(_ record: JSON) -> Bool {
        Self.match(.object(root), record)
    }

    // MARK: Parsing

    private static func object(_ members: [String: JSON], path: String) throws(Invalid) -> [String: Node] {
        guard !members.isEmpty else { throw Invalid(reason: "Empty object at '\(path.isEmpty ? "/" : path)'.") }
        var nodes: [String: Node] = [:]
        for (key, value) in members {
            let keyPath = path + "/" + key
            switch value {
            case .object(let nested): nodes[key] = .object(try object(nested, path: keyPath))
            case .array(let items):
                var rules: [Rule] = []
                for item in items { rules.append(try rule(item, path: keyPath)) }
                guard !rules.isEmpty else { throw Invalid(reason: "Empty list at '\(keyPath)'.") }
                nodes[key] = .alternatives(rules)
            default:
                throw Invalid(reason: "The value at '\(keyPath)' must be an object or a list.")
            }
        }
        return nodes
    }

    private static func rule(_ item: JSON, path: String) throws(Invalid) -> Rule {
        guard case .object(let operation) = item else { return .equals(item) }
        guard operation.count == 1, let (name, argument) = operation.first else {
            throw Invalid(reason: "Each rule object at '\(path)' must have exactly one operator.")
        }
        switch (name, argument) {
        case ("prefix", .string(let text)): return .prefix(text)
        case ("suffix", .string(let text)): return .suffix(text)
        case ("equals-ignore-case", .string(let text)): return .equalsIgnoringCase(text)
        case ("exists", .bool(let flag)): return .exists(flag)
        case ("anything-but", .array(let values)): return .anythingBut(values)
        case ("anything-but", .object(let nested)):
            guard nested.count == 1, case .string(let text)? = nested["prefix"] else { break }
            return .anythingButPrefix(text)
        case ("anything-but", .string), ("anything-but", .number): return .anythingBut([argument])
        case ("numeric", .array(let terms)): return .numeric(try numeric(terms, path: path))
        default: break
        }
        throw Invalid(reason: "Unrecognized match type '\(name)' (or a wrong argument) at '\(path)'.")
    }

    private static func numeric(_ terms: [JSON], path: String) throws(Invalid) -> [(comparison: String, value: Double)]
    {
        var conditions: [(comparison: String, value: Double)] = []
        var index = 0
        while index + 1 < terms.count {
            guard case .string(let symbol) = terms[index], ["=", "<", "<=", ">", ">="].contains(symbol),
                case .number(let text) = terms[index + 1], let value = Double(text)
            else { throw Invalid(reason: "A numeric rule at '\(path)' needs operator/number pairs.") }
            conditions.append((symbol, value))
            index += 2
        }
        guard index == terms.count, !conditions.isEmpty else {
            throw Invalid(reason: "A numeric rule at '\(path)' needs operator/number pairs.")
        }
        return conditions
    }

    // MARK: Matching

    private static func match(_ node: Node, _ value: JSON?) -> Bool {
        switch node {
        case .object(let children):
            let members = value?.objectValue ?? [:]
            return children.allSatisfy { key, child in match(child, members[key]) }
        case .alternatives(let rules):
            guard let value else {
                return rules.contains { if case .exists(false) = $0 { return true } else { return false } }
            }
            if case .array(let items) = value {
                return items.contains { item in rules.contains { matches($0, item) } }
            }
            return rules.contains { matches($0, value) }
        }
    }

    private static func matches(_ rule: Rule, _ value: JSON) -> Bool {
        switch rule {
        case .equals(let expected): return expected == value
        case .prefix(let text): return value.text?.hasPrefix(text) == true
        case .suffix(let text): return value.text?.hasSuffix(text) == true
        case .equalsIgnoringCase(let text): return value.text?.lowercased() == text.lowercased()
        case .anythingBut(let excluded): return !excluded.contains(value)
        case .anythingButPrefix(let text): return value.text.map { !$0.hasPrefix(text) } ?? true
        case .exists(let present): return present
        case .numeric(let conditions):
            guard case .number(let text) = value, let number = Double(text) else { return false }
            return conditions.allSatisfy { condition in
                switch condition.comparison {
                case "=": number == condition.value
                case "<": number < condition.value
                case "<=": number <= condition.value
                case ">": number > condition.value
                default: number >= condition.value
                }
            }
        }
    }
}

extension JSON {
    /// The text of a string value, nil for any other kind.
    fileprivate var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
