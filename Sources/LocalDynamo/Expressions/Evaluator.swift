/// Evaluates conditions and operands against an item.
enum Evaluator {
    /// The value at a document path, or nil when any step is missing or of the wrong kind.
    static func value(at path: DocumentPath, in item: Item) -> AttributeValue? {
        guard case .member(let first)? = path.first, var current = item[first] else { return nil }
        for element in path.dropFirst() {
            switch (element, current) {
            case (.member(let name), .map(let map)):
                guard let next = map[name] else { return nil }
                current = next
            case (.index(let index), .list(let list)):
                guard index < list.count else { return nil }
                current = list[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Whether `condition` holds for `item` (an absent item is the empty item).
    static func matches(_ condition: Condition, _ item: Item) throws(DynamoError) -> Bool {
        switch condition {
        case .and(let left, let right):
            guard try matches(left, item) else { return false }
            return try matches(right, item)
        case .or(let left, let right):
            if try matches(left, item) { return true }
            return try matches(right, item)
        case .not(let inner): return try !matches(inner, item)
        case .attributeExists(let path): return value(at: path, in: item) != nil
        case .attributeNotExists(let path): return value(at: path, in: item) == nil
        case .attributeType(let path, let typeOperand):
            guard let actual = value(at: path, in: item), case .string(let tag)? = operand(typeOperand, item)
            else { return false }
            return actual.typeTag == tag
        case .beginsWith(let subject, let prefixOperand):
            switch (operand(subject, item), operand(prefixOperand, item)) {
            case (.string(let text)?, .string(let prefix)?): return text.utf8.starts(with: prefix.utf8)
            case (.binary(let bytes)?, .binary(let prefix)?): return bytes.starts(with: prefix)
            default: return false
            }
        case .contains(let subject, let needleOperand):
            guard let haystack = operand(subject, item), let needle = operand(needleOperand, item) else { return false }
            switch (haystack, needle) {
            case (.string(let text), .string(let part)):
                return part.isEmpty || text.utf8.firstRange(of: part.utf8) != nil
            case (.binary(let bytes), .binary(let part)): return part.isEmpty || bytes.firstRange(of: part) != nil
            case (.stringSet(let members), .string(let element)): return members.contains(element)
            case (.numberSet(let members), .number(let element)): return members.contains(element)
            case (.binarySet(let members), .binary(let element)): return members.contains(element)
            case (.list(let members), _): return members.contains(needle)
            default: return false
            }
        case .compare(let leftOperand, let comparator, let rightOperand):
            let left = operand(leftOperand, item)
            let right = operand(rightOperand, item)
            guard let left, let right else { return comparator == .notEqual }
            switch comparator {
            case .equal: return left == right
            case .notEqual: return left != right
            default:
                guard let order = order(left, right) else { return false }
                switch comparator {
                case .less: return order < 0
                case .lessOrEqual: return order <= 0
                case .greater: return order > 0
                default: return order >= 0
                }
            }
        case .between(let subjectOperand, let lowerOperand, let upperOperand):
            guard let subject = operand(subjectOperand, item), let lower = operand(lowerOperand, item),
                let upper = operand(upperOperand, item), let low = order(subject, lower),
                let high = order(subject, upper)
            else { return false }
            return low >= 0 && high <= 0
        case .oneOf(let subjectOperand, let options):
            guard let subject = operand(subjectOperand, item) else { return false }
            return options.contains { operand($0, item) == subject }
        }
    }

    /// The value of a condition operand; nil when a path is missing.
    static func operand(_ operand: Operand, _ item: Item) -> AttributeValue? {
        switch operand {
        case .value(let value): return value
        case .path(let path): return value(at: path, in: item)
        case .size(let path):
            guard let target = value(at: path, in: item) else { return nil }
            let count: Int
            switch target {
            case .string(let text): count = text.utf8.count
            case .binary(let bytes): count = bytes.count
            case .map(let map): count = map.count
            case .list(let list): count = list.count
            case .stringSet(let set): count = set.count
            case .numberSet(let set): count = set.count
            case .binarySet(let set): count = set.count
            default: return nil
            }
            return .number(DynamoNumber(count))
        default:
            return nil
        }
    }

    /// -1/0/1 for two scalars of the same ordered type (N numerically, S and B bytewise); nil otherwise.
    static func order(_ left: AttributeValue, _ right: AttributeValue) -> Int? {
        switch (left, right) {
        case (.number(let a), .number(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return compareBytes(Array(a.utf8), Array(b.utf8))
        case (.binary(let a), .binary(let b)): return compareBytes(a, b)
        default: return nil
        }
    }

    static func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
