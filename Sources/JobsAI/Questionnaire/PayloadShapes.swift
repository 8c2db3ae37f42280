/// The problems found so far, in the order found.
struct ProblemList {
    private(set) var problems: [FieldProblem] = []

    mutating func add(_ field: String, _ message: String) {
        problems.append(FieldProblem(field: field, message: message))
    }
}

/// A question set's items (an array of single-key objects, or one object) merged by key, keeping their order.
struct SingleKeyItems {
    private(set) var entries: [(key: String, value: PayloadValue)] = []
    private var index: [String: PayloadValue] = [:]

    subscript(_ key: String) -> PayloadValue? { index[key] }

    /// Reports shape problems (`set[2]` not a single-key object, a key given twice); nil when unusable.
    init?(_ value: PayloadValue, field: String, into report: inout ProblemList) {
        switch value {
        case .object(let object):
            for key in object.keys.sorted() { append(key, object[key] ?? .null) }
        case .array(let items):
            for (position, item) in items.enumerated() {
                guard case .object(let object) = item, object.count == 1, let (key, inner) = object.first else {
                    report.add("\(field)[\(position)]", "Each item must be an object with exactly one key.")
                    continue
                }
                guard index[key] == nil else {
                    report.add("\(field).\(key)", "Given more than once; send each answer once.")
                    continue
                }
                append(key, inner)
            }
        default:
            report.add(field, "Must be a list of single-key objects, not a \(value.typeName).")
            return nil
        }
    }

    private mutating func append(_ key: String, _ value: PayloadValue) {
        entries.append((key, value))
        index[key] = value
    }
}

/// A list of strings; a bare string counts as a one-item list, as the original frontend sometimes sent.
func stringList(_ value: PayloadValue) -> [String]? {
    switch value {
    case .string(let text): return [text]
    case .array(let items):
        var texts: [String] = []
        for item in items {
            guard case .string(let text) = item else { return nil }
            texts.append(text)
        }
        return texts
    default: return nil
    }
}

/// A custom entry's key in a set: `text-field{slot}`, `text-field{slot}-{n}` (n >= 2), each optionally `-slider`.
struct CustomEntryKey {
    /// 1 for the first entry.
    let entry: Int
    let isSlider: Bool

    init?(_ key: String, slot: Int) {
        var rest = Substring(key)
        let prefix = "text-field\(slot)"
        guard rest.hasPrefix(prefix) else { return nil }
        rest = rest.dropFirst(prefix.count)
        isSlider = rest.hasSuffix("-slider")
        if isSlider { rest = rest.dropLast("-slider".count) }
        if rest.isEmpty {
            entry = 1
            return
        }
        guard rest.first == "-", let number = Int(rest.dropFirst()), number >= 2,
            String(number) == rest.dropFirst()
        else { return nil }
        entry = number
    }
}
