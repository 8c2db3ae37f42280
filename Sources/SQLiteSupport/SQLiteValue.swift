/// A value bound to or read from a statement.
public enum SQLiteValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLiteValue {
    /// The text, or nil for any other type.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The integer, or nil for any other type.
    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number (an integer widened), or nil for any other type.
    public var real: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The bytes of a blob or of text; empty for any other type.
    public var bytes: [UInt8] {
        switch self {
        case .blob(let value): return value
        case .text(let value): return Array(value.utf8)
        default: return []
        }
    }
}
