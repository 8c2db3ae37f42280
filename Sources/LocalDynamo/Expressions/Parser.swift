/// A recursive-descent parser for DynamoDB's expression languages, substituting placeholders as it goes.
struct ExpressionParser {
    let tokens: [Token]
    var position = 0
    let kind: ExpressionKind
    /// Operators and functions seen; DynamoDB allows at most 300 per expression.
    var operatorCount = 0

    private init(tokens: [Token], kind: ExpressionKind) {
        self.tokens = tokens
        self.kind = kind
    }

    // MARK: Entry points

    static func condition(
        _ text: String, kind: ExpressionKind, placeholders: inout Placeholders
    ) throws(DynamoError) -> Condition {
        var parser = try ExpressionParser(text, kind: kind)
        let condition = try parser.parseOr(&placeholders)
        try parser.expectEnd()
        return condition
    }

    static func update(_ text: String, placeholders: inout Placeholders) throws(DynamoError) -> UpdateActions {
        var parser = try ExpressionParser(text, kind: .update)
        return try parser.parseUpdate(&placeholders)
    }

    static func projection(_ text: String, placeholders: inout Placeholders) throws(DynamoError) -> [DocumentPath] {
        var parser = try ExpressionParser(text, kind: .projection)
        var paths = [try parser.parsePath(&placeholders)]
        while parser.current == .symbol(",") {
            parser.position += 1
            paths.append(try parser.parsePath(&placeholders))
        }
        try parser.expectEnd()
        try parser.checkOverlaps(paths)
        return paths
    }

    private init(_ text: String, kind: ExpressionKind) throws(DynamoError) {
        guard !text.isEmpty else { throw .validation("Invalid \(kind.rawValue): The expression can not be empty;") }
        guard text.utf8.count <= 4096 else {
            throw .validation("Invalid \(kind.rawValue): Expression size has exceeded the maximum allowed size;")
        }
        self.init(tokens: try Tokenizer.tokens(text, kind: kind), kind: kind)
    }

    // MARK: Token helpers

    var current: Token { tokens[position] }

    func syntaxError() -> DynamoError {
        let near = position > 0 ? "\(tokens[position - 1])\(current == .end ? "" : "\(current)")" : "\(current)"
        return Tokenizer.syntaxError(kind, token: current.description, near: near)
    }

    func error(_ message: String) -> DynamoError { .validation("Invalid \(kind.rawValue): \(message)") }

    mutating func expect(_ symbol: String) throws(DynamoError) {
        guard current == .symbol(symbol) else { throw syntaxError() }
        position += 1
    }

    func expectEnd() throws(DynamoError) {
        guard current == .end else { throw syntaxError() }
    }

    mutating func countOperator() throws(DynamoError) {
        operatorCount += 1
        if operatorCount > 300 {
            throw error("The expression contains too many operators; operator count: \(operatorCount)")
        }
    }

    // MARK: Paths and operands

    mutating func parsePath(_ placeholders: inout Placeholders) throws(DynamoError) -> DocumentPath {
        var path: DocumentPath = [.member(try parseMemberName(&placeholders))]
        while true {
            if current == .symbol(".") {
                position += 1
                path.append(.member(try parseMemberName(&placeholders)))
            } else if current == .symbol("[") {
                position += 1
                guard case .integer(let digits) = current else { throw syntaxError() }
                guard let index = Int(digits), digits.count < 10 else {
                    throw error("List index is out of range; index: \(digits)")
                }
                position += 1
                try expect("]")
                path.append(.index(index))
            } else {
                break
            }
        }
        if path.count > 32 {
            throw error("The document path has too many nesting levels; nesting levels: \(path.count)")
        }
        return path
    }

    private mutating func parseMemberName(_ placeholders: inout Placeholders) throws(DynamoError) -> String {
        switch current {
        case .name(let name):
            // A bare name starts with a letter: digits and `_` need a `#placeholder`.
            if let first = name.utf8.first, (48...57).contains(first) || first == 95 { throw syntaxError() }
            if ReservedWords.contains(name) {
                throw error("Attribute name is a reserved keyword; reserved keyword: \(name)")
            }
            position += 1
            return name
        case .nameRef(let token):
            position += 1
            return try placeholders.name(token, kind: kind)
        default:
            throw syntaxError()
        }
    }

    /// path | :value | size(path) — the operands of conditions.
    private mutating func parseConditionOperand(_ placeholders: inout Placeholders) throws(DynamoError) -> Operand {
        switch current {
        case .valueRef(let token):
            position += 1
            return .value(try placeholders.value(token, kind: kind))
        case .name(let name) where tokens[position + 1] == .symbol("("):
            guard name == "size" else {
                if Self.conditionFunctions.contains(name) {
                    throw error("The function is not allowed to be used this way in an expression; function: \(name)")
                }
                throw error("Invalid function name; function: \(name)")
            }
            try countOperator()
            position += 2
            let argument = try parseConditionOperand(&placeholders)
            try expect(")")
            guard case .path(let path) = argument else {
                throw error("Operator or function requires a document path; operator or function: size")
            }
            return .size(path)
        case .name, .nameRef:
            return .path(try parsePath(&placeholders))
        default:
            throw syntaxError()
        }
    }

    static let conditionFunctions: Set<String> = [
        "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains",
    ]

    // MARK: Conditions

    private mutating func parseOr(_ placeholders: inout Placeholders) throws(DynamoError) -> Condition {
        var left = try parseAnd(&placeholders)
        while current.isKeyword("OR") {
            try countOperator()
            position += 1
            left = .or(left, try parseAnd(&placeholders))
        }
        return left
    }

    private mutating func parseAnd(_ placeholders: inout Placeholders) throws(DynamoError) -> Condition {
        var left = try parseNot(&placeholders)
        while current.isKeyword("AND") {
            try countOperator()
            position += 1
            left = .and(left, try parseNot(&placeholders))
        }
        return left
    }

    private mutating func parseNot(_ placeholders: inout Placeholders) throws(DynamoError) -> Condition {
        if current.isKeyword("NOT") {
            try countOperator()
            position += 1
            return .not(try parseNot(&placeholders))
        }
        return try parsePrimary(&placeholders)
    }

    private mutating func parsePrimary(_ placeholders: inout Placeholders) throws(DynamoError) -> Condition {
        if current == .symbol("(") {
            let open = position
            position += 1
            let inner = try parseOr(&placeholders)
            try expect(")")
            if tokens[open + 1] == .symbol("("), closing(open + 1) == position - 2 {
                throw error("The expression has redundant parentheses;")
            }
            return inner
        }
        if case .name(let name) = current, tokens[position + 1] == .symbol("("),
            Self.conditionFunctions.contains(name)
        {
            return try parseFunction(name, &placeholders)
        }
        let left = try parseConditionOperand(&placeholders)
        if case .symbol(let symbol) = current, let comparator = Comparator(rawValue: symbol) {
            try countOperator()
            position += 1
            let right = try parseConditionOperand(&placeholders)
            try checkComparable(comparator.rawValue, left, right)
            return .compare(left, comparator, right)
        }
        if current.isKeyword("BETWEEN") {
            try countOperator()
            position += 1
            let lower = try parseConditionOperand(&placeholders)
            guard current.isKeyword("AND") else { throw syntaxError() }
            position += 1
            let upper = try parseConditionOperand(&placeholders)
            try checkComparable("BETWEEN", left, lower)
            try checkComparable("BETWEEN", left, upper)
            if case .value(let low) = lower, case .value(let high) = upper {
                if low.typeTag != high.typeTag {
                    throw error(
                        "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {\(low.typeTag):\(low)}, upper bound operand: AttributeValue: {\(high.typeTag):\(high)}"
                    )
                }
                if let order = Evaluator.order(low, high), order > 0 {
                    throw error(
                        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {\(low.typeTag):\(low)}, upper bound operand: AttributeValue: {\(high.typeTag):\(high)}"
                    )
                }
            }
            return .between(left, lower, upper)
        }
        if current.isKeyword("IN") {
            try countOperator()
            position += 1
            try expect("(")
            var options = [try parseConditionOperand(&placeholders)]
            while current == .symbol(",") {
                position += 1
                options.append(try parseConditionOperand(&placeholders))
            }
            try expect(")")
            if options.count > 100 {
                throw error("The IN operator is provided with too many operands; number of operands: \(options.count)")
            }
            return .oneOf(left, options)
        }
        throw syntaxError()
    }

    /// The position of the `)` matching the `(` at `open`.
    private func closing(_ open: Int) -> Int? {
        var depth = 0
        for index in open..<tokens.count {
            if tokens[index] == .symbol("(") { depth += 1 }
            if tokens[index] == .symbol(")") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    private mutating func parseFunction(
        _ name: String, _ placeholders: inout Placeholders
    ) throws(DynamoError) -> Condition {
        try countOperator()
        position += 2
        var arguments = [try parseConditionOperand(&placeholders)]
        while current == .symbol(",") {
            position += 1
            arguments.append(try parseConditionOperand(&placeholders))
        }
        try expect(")")
        let expected = (name == "attribute_exists" || name == "attribute_not_exists") ? 1 : 2
        guard arguments.count == expected else {
            throw error(
                "Incorrect number of operands for operator or function; operator or function: \(name), number of operands: \(arguments.count)"
            )
        }
        func requirePath(_ operand: Operand) throws(DynamoError) -> DocumentPath {
            guard case .path(let path) = operand else {
                throw error("Operator or function requires a document path; operator or function: \(name)")
            }
            return path
        }
        switch name {
        case "attribute_exists": return .attributeExists(try requirePath(arguments[0]))
        case "attribute_not_exists": return .attributeNotExists(try requirePath(arguments[0]))
        case "attribute_type":
            let path = try requirePath(arguments[0])
            guard case .value(let typeValue) = arguments[1] else {
                throw error(
                    "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: PATH"
                )
            }
            guard case .string(let tag) = typeValue else {
                throw error(
                    "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: \(Self.typeName(typeValue))"
                )
            }
            guard ["S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"].contains(tag) else {
                throw error(
                    "Invalid attribute type name found; type: \(tag), valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }")
            }
            return .attributeType(path, arguments[1])
        case "begins_with":
            _ = try requirePath(arguments[0])
            for argument in arguments {
                if case .value(let value) = argument, !Self.isStringOrBinary(value) {
                    throw error(
                        "Incorrect operand type for operator or function; operator or function: begins_with, operand type: \(Self.typeName(value))"
                    )
                }
            }
            return .beginsWith(arguments[0], arguments[1])
        default:
            _ = try requirePath(arguments[0])
            return .contains(arguments[0], arguments[1])
        }
    }

    /// `<`, `>`, BETWEEN and friends only take scalars; a set, list, map, BOOL or NULL literal is an error.
    private func checkComparable(_ symbol: String, _ operands: Operand...) throws(DynamoError) {
        guard symbol != "=" && symbol != "<>" else { return }
        for operand in operands {
            if case .value(let value) = operand {
                switch value {
                case .string, .number, .binary: continue
                default:
                    throw error(
                        "Incorrect operand type for operator or function; operator: \(symbol), operand type: \(Self.typeName(value))"
                    )
                }
            }
        }
    }

    static func isStringOrBinary(_ value: AttributeValue) -> Bool {
        switch value {
        case .string, .binary: return true
        default: return false
        }
    }

    /// DynamoDB's spelled-out type names used in operand-type errors.
    static func typeName(_ value: AttributeValue) -> String {
        switch value {
        case .string: return "STRING"
        case .number: return "NUMBER"
        case .binary: return "BINARY"
        case .bool: return "BOOLEAN"
        case .null: return "NULL"
        case .map: return "MAP"
        case .list: return "LIST"
        case .stringSet: return "STRING_SET"
        case .numberSet: return "NUMBER_SET"
        case .binarySet: return "BINARY_SET"
        }
    }
}
