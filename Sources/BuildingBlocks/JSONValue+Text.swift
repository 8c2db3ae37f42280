/// JSON text written by hand: compact, object keys sorted, so equal values always read the same.
extension JSONValue {
    /// Compact JSON text with every object's keys in sorted order (whole numbers as integers, as `encode` does).
    public var sortedCompactText: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value): text += Self.numberText(value)
        case .string(let value): text += JSONText.quote(value)
        case .array(let values):
            text += "["
            for (position, value) in values.enumerated() {
                if position > 0 { text += "," }
                value.write(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { text += "," }
                text += JSONText.quote(key)
                text += ":"
                members[key]?.write(to: &text)
            }
            text += "}"
        }
    }

    /// JSON has no infinities or NaN: those are written as `null`.
    private static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
