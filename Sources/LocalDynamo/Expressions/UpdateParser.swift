/// UpdateExpression parsing: SET/REMOVE/ADD/DELETE clauses, SET operands, and the path-overlap rules.
extension ExpressionParser {
    mutating func parseUpdate(_ placeholders: inout Placeholders) throws(DynamoError) -> UpdateActions {
        var actions = UpdateActions()
        var seen: Set<String> = []
        guard current != .end else { throw syntaxError() }
        while current != .end {
            guard case .name(let word) = current else { throw syntaxError() }
            let clause = word.uppercased()
            guard ["SET", "REMOVE", "ADD", "DELETE"].contains(clause) else { throw syntaxError() }
            guard seen.insert(clause).inserted else {
                throw error("The \"\(clause)\" section can only be used once in an update expression;")
            }
            position += 1
            repeat {
                if current == .symbol(",") { position += 1 }
                switch clause {
                case "SET":
                    let path = try parsePath(&placeholders)
                    try expect("=")
                    actions.set.append((path, try parseSetValue(&placeholders)))
                case "REMOVE":
                    actions.remove.append(try parsePath(&placeholders))
                default:
                    let path = try parsePath(&placeholders)
                    guard case .valueRef(let token) = current else { throw syntaxError() }
                    position += 1
                    let value = try placeholders.value(token, kind: kind)
                    try checkAddDeleteOperand(clause, value)
                    if clause == "ADD" {
                        actions.add.append((path, value))
                    } else {
                        actions.delete.append((path, value))
                    }
                }
            } while current == .symbol(",")
        }
        try checkOverlaps(actions.paths)
        return actions
    }

    private func checkAddDeleteOperand(_ clause: String, _ value: AttributeValue) throws(DynamoError) {
        switch (clause, value) {
        case ("ADD", .number), (_, .stringSet), (_, .numberSet), (_, .binarySet): return
        default:
            throw error(
                "Incorrect operand type for operator or function; operator: \(clause), operand type: \(Self.typeName(value))"
            )
        }
    }

    private mutating func parseSetValue(_ placeholders: inout Placeholders) throws(DynamoError) -> Operand {
        let left = try parseSetOperand(&placeholders)
        if current == .symbol("+") || current == .symbol("-") {
            let isPlus = current == .symbol("+")
            try countOperator()
            position += 1
            let right = try parseSetOperand(&placeholders)
            return isPlus ? .plus(left, right) : .minus(left, right)
        }
        return left
    }

    private mutating func parseSetOperand(_ placeholders: inout Placeholders) throws(DynamoError) -> Operand {
        switch current {
        case .valueRef(let token):
            position += 1
            return .value(try placeholders.value(token, kind: kind))
        case .name(let name) where tokens[position + 1] == .symbol("("):
            let function = name
            guard function == "if_not_exists" || function == "list_append" else {
                if Self.conditionFunctions.contains(function) || function == "size" {
                    throw error("The function is not allowed in an update expression; function: \(name)")
                }
                throw error("Invalid function name; function: \(name)")
            }
            try countOperator()
            position += 2
            let first = try parseSetOperand(&placeholders)
            try expect(",")
            let second = try parseSetOperand(&placeholders)
            try expect(")")
            if function == "if_not_exists" {
                guard case .path(let path) = first else {
                    throw error("Operator or function requires a document path; operator or function: if_not_exists")
                }
                return .ifNotExists(path, second)
            }
            for operand in [first, second] {
                if case .listAppend = operand {
                    throw error(
                        "The function is not allowed to be used this way in an expression; function: list_append")
                }
                if case .value(let value) = operand, case .list = value {
                } else if case .value(let value) = operand {
                    throw error(
                        "Incorrect operand type for operator or function; operator or function: list_append, operand type: \(Self.typeName(value))"
                    )
                }
            }
            return .listAppend(first, second)
        case .name, .nameRef:
            return .path(try parsePath(&placeholders))
        default:
            throw syntaxError()
        }
    }

    /// Two actions may not write the same path, a path and its ancestor, or a member and an index of one parent.
    func checkOverlaps(_ paths: [DocumentPath]) throws(DynamoError) {
        func render(_ path: DocumentPath) -> String {
            "[" + path.map(\.description).joined(separator: ", ") + "]"
        }
        for (offset, first) in paths.enumerated() {
            for second in paths[(offset + 1)...] {
                let common = zip(first, second).prefix { $0 == $1 }.count
                if common == min(first.count, second.count) {
                    throw error(
                        "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: \(render(first)), path two: \(render(second))"
                    )
                }
                let a = first[common]
                let b = second[common]
                switch (a, b) {
                case (.member, .index), (.index, .member):
                    throw error(
                        "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: \(render(first)), path two: \(render(second))"
                    )
                default: continue
                }
            }
        }
    }
}
