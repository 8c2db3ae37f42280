/// Applies parsed UpdateExpression actions to an item, with DynamoDB's semantics: every SET value is
/// computed from the item as it was before the update, then SET, REMOVE, ADD and DELETE are applied.
enum UpdateApplier {
    static func error(_ message: String) -> DynamoError { .validation("Invalid UpdateExpression: \(message)") }
    static let missingAttribute = DynamoError.validation(
        "The provided expression refers to an attribute that does not exist in the item")
    static let invalidPath = DynamoError.validation(
        "The document path provided in the update expression is invalid for update")
    static let wrongType = DynamoError.validation(
        "An operand in the update expression has an incorrect data type")

    static func apply(_ actions: UpdateActions, to original: Item, keyNames: [String]) throws(DynamoError) -> Item {
        for path in actions.paths {
            if case .member(let name)? = path.first, keyNames.contains(name) {
                throw .validation(
                    "One or more parameter values were invalid: Cannot update attribute \(name). This attribute is part of the key"
                )
            }
        }
        var computed: [(DocumentPath, AttributeValue)] = []
        for (path, operand) in actions.set { computed.append((path, try evaluate(operand, original))) }
        var item = original
        for (path, value) in appendOrder(computed) { try set(value, at: path, in: &item) }
        for path in actions.remove.sorted(by: removalOrder) { try remove(at: path, in: &item) }
        for (path, value) in actions.add {
            let existing = Evaluator.value(at: path, in: item)
            let result: AttributeValue
            switch (existing, value) {
            case (nil, _): result = value
            case (.number(let a)?, .number(let b)):
                do { result = .number(try a.adding(b)) } catch { throw .validation(error.message) }
            case (.stringSet(let a)?, .stringSet(let b)): result = .stringSet(a + b.filter { !a.contains($0) })
            case (.numberSet(let a)?, .numberSet(let b)): result = .numberSet(a + b.filter { !a.contains($0) })
            case (.binarySet(let a)?, .binarySet(let b)): result = .binarySet(a + b.filter { !a.contains($0) })
            default: throw wrongType
            }
            try set(result, at: path, in: &item)
        }
        for (path, value) in actions.delete {
            guard let existing = Evaluator.value(at: path, in: item) else { continue }
            let result: AttributeValue?
            switch (existing, value) {
            case (.stringSet(let a), .stringSet(let b)):
                let kept = a.filter { !b.contains($0) }
                result = kept.isEmpty ? nil : .stringSet(kept)
            case (.numberSet(let a), .numberSet(let b)):
                let kept = a.filter { !b.contains($0) }
                result = kept.isEmpty ? nil : .numberSet(kept)
            case (.binarySet(let a), .binarySet(let b)):
                let kept = a.filter { !b.contains($0) }
                result = kept.isEmpty ? nil : .binarySet(kept)
            default: throw wrongType
            }
            if let result { try set(result, at: path, in: &item) } else { try remove(at: path, in: &item) }
        }
        return item
    }

    /// The value of a SET operand against the original item.
    static func evaluate(_ operand: Operand, _ item: Item) throws(DynamoError) -> AttributeValue {
        switch operand {
        case .value(let value): return value
        case .path(let path):
            guard let value = Evaluator.value(at: path, in: item) else { throw missingAttribute }
            return value
        case .size:
            throw error("The function is not allowed in an update expression; function: size")
        case .ifNotExists(let path, let fallback):
            if let existing = Evaluator.value(at: path, in: item) { return existing }
            return try evaluate(fallback, item)
        case .listAppend(let first, let second):
            guard case .list(let a) = try evaluate(first, item), case .list(let b) = try evaluate(second, item) else {
                throw wrongType
            }
            return .list(a + b)
        case .plus(let left, let right), .minus(let left, let right):
            guard case .number(let a) = try evaluate(left, item), case .number(let b) = try evaluate(right, item) else {
                throw wrongType
            }
            do {
                if case .plus = operand { return .number(try a.adding(b)) }
                return .number(try a.subtracting(b))
            } catch {
                throw .validation(error.message)
            }
        }
    }

    /// Writes `value` at `path`; every parent must exist and be a container of the right kind.
    static func set(_ value: AttributeValue, at path: DocumentPath, in item: inout Item) throws(DynamoError) {
        guard case .member(let first)? = path.first else { throw invalidPath }
        if path.count == 1 {
            item[first] = value
            return
        }
        guard let existing = item[first] else { throw invalidPath }
        item[first] = try set(value, at: path.dropFirst(), in: existing)
    }

    private static func set(
        _ value: AttributeValue, at path: ArraySlice<PathElement>, in container: AttributeValue
    ) throws(DynamoError) -> AttributeValue {
        guard let step = path.first else { return value }
        let rest = path.dropFirst()
        switch (step, container) {
        case (.member(let name), .map(var map)):
            if rest.isEmpty {
                map[name] = value
            } else {
                guard let child = map[name] else { throw invalidPath }
                map[name] = try set(value, at: rest, in: child)
            }
            return .map(map)
        case (.index(let index), .list(var list)):
            if rest.isEmpty {
                if index < list.count { list[index] = value } else { list.append(value) }
            } else {
                guard index < list.count else { throw invalidPath }
                list[index] = try set(value, at: rest, in: list[index])
            }
            return .list(list)
        default:
            throw invalidPath
        }
    }

    /// SET writes past the end of a list append in index order, whatever the order of the expression:
    /// each run of writes to indexes of one parent is sorted by index where the first of them stood.
    static func appendOrder(_ writes: [(DocumentPath, AttributeValue)]) -> [(DocumentPath, AttributeValue)] {
        guard writes.count > 1, writes.contains(where: { if case .index? = $0.0.last { true } else { false } })
        else { return writes }
        var groups: [DocumentPath: [(DocumentPath, AttributeValue)]] = [:]
        for write in writes {
            guard case .index? = write.0.last else { continue }
            groups[Array(write.0.dropLast()), default: []].append(write)
        }
        var result: [(DocumentPath, AttributeValue)] = []
        for write in writes {
            guard case .index? = write.0.last else {
                result.append(write)
                continue
            }
            let parent = Array(write.0.dropLast())
            guard let group = groups.removeValue(forKey: parent) else { continue }
            result += group.sorted { first, second in
                if case .index(let a)? = first.0.last, case .index(let b)? = second.0.last { return a < b }
                return false
            }
        }
        return result
    }

    /// Deletes the value at `path`; a missing path is a no-op, a path through a scalar is invalid.
    static func remove(at path: DocumentPath, in item: inout Item) throws(DynamoError) {
        guard case .member(let first)? = path.first else { return }
        if path.count == 1 {
            item[first] = nil
            return
        }
        guard let existing = item[first] else { return }
        item[first] = try remove(at: path.dropFirst(), in: existing)
    }

    private static func remove(
        at path: ArraySlice<PathElement>, in container: AttributeValue
    ) throws(DynamoError) -> AttributeValue {
        guard let step = path.first else { return container }
        let rest = path.dropFirst()
        switch (step, container) {
        case (.member(let name), .map(var map)):
            if rest.isEmpty {
                map[name] = nil
            } else if let child = map[name] {
                map[name] = try remove(at: rest, in: child)
            }
            return .map(map)
        case (.index(let index), .list(var list)):
            guard index < list.count else { return container }
            if rest.isEmpty {
                list.remove(at: index)
            } else {
                list[index] = try remove(at: rest, in: list[index])
            }
            return .list(list)
        default:
            throw invalidPath
        }
    }

    /// REMOVE indexes refer to the list before the update, so higher indexes of a list go first.
    static func removalOrder(_ first: DocumentPath, _ second: DocumentPath) -> Bool {
        for (a, b) in zip(first, second) where a != b {
            if case .index(let x) = a, case .index(let y) = b { return x > y }
            return false
        }
        return false
    }
}
