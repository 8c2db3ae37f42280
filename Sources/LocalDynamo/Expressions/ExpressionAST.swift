/// One step of a document path: a map member or a list index.
public enum PathElement: Sendable, Hashable, CustomStringConvertible {
    case member(String)
    case index(Int)

    public var description: String {
        switch self {
        case .member(let name): return name
        case .index(let position): return "[\(position)]"
        }
    }
}

/// A document path such as `a.b[2].c`, with placeholders already substituted.
public typealias DocumentPath = [PathElement]

/// A value-producing part of an expression.
public indirect enum Operand: Sendable, Equatable {
    case path(DocumentPath)
    case value(AttributeValue)
    case size(DocumentPath)
    case ifNotExists(DocumentPath, Operand)
    case listAppend(Operand, Operand)
    case plus(Operand, Operand)
    case minus(Operand, Operand)
}

/// The comparison operators of condition expressions.
public enum Comparator: String, Sendable {
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The operator with its operands swapped (`a < b` is `b > a`).
    var flipped: Comparator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}

/// A condition (ConditionExpression, FilterExpression, KeyConditionExpression).
public indirect enum Condition: Sendable, Equatable {
    case compare(Operand, Comparator, Operand)
    case between(Operand, Operand, Operand)
    case oneOf(Operand, [Operand])
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    case attributeExists(DocumentPath)
    case attributeNotExists(DocumentPath)
    case attributeType(DocumentPath, Operand)
    case beginsWith(Operand, Operand)
    case contains(Operand, Operand)
}

/// A parsed UpdateExpression: its four clauses.
public struct UpdateActions: Sendable, Equatable {
    public var set: [(path: DocumentPath, value: Operand)] = []
    public var remove: [DocumentPath] = []
    public var add: [(path: DocumentPath, value: AttributeValue)] = []
    public var delete: [(path: DocumentPath, value: AttributeValue)] = []

    public static func == (lhs: UpdateActions, rhs: UpdateActions) -> Bool {
        lhs.set.map(\.path) == rhs.set.map(\.path) && lhs.set.map(\.value) == rhs.set.map(\.value)
            && lhs.remove == rhs.remove && lhs.add.map(\.path) == rhs.add.map(\.path)
            && lhs.delete.map(\.path) == rhs.delete.map(\.path)
    }

    /// Every path the update writes, for overlap checks and UPDATED_* return values.
    var paths: [DocumentPath] { self.set.map(\.path) + remove + add.map(\.path) + delete.map(\.path) }
}

/// Which expression a message is about; its raw value prefixes every expression error.
public enum ExpressionKind: String, Sendable {
    case condition = "ConditionExpression"
    case filter = "FilterExpression"
    case keyCondition = "KeyConditionExpression"
    case update = "UpdateExpression"
    case projection = "ProjectionExpression"
}
