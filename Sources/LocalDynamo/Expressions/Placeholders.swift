/// The ExpressionAttributeNames and ExpressionAttributeValues of one request, and which of them the
/// request's expressions used; DynamoDB rejects both undefined and unused placeholders.
struct Placeholders {
    let names: [String: String]?
    let values: [String: AttributeValue]?
    private(set) var usedNames: Set<String> = []
    private(set) var usedValues: Set<String> = []

    init(names: [String: String]?, values: [String: AttributeValue]?) {
        self.names = names
        self.values = values
    }

    /// Reads both maps from a request, rejecting empty maps.
    init(request: RequestReader) throws(DynamoError) {
        var names: [String: String]?
        if let raw = try request.object("ExpressionAttributeNames") {
            guard !raw.isEmpty else { throw .validation("ExpressionAttributeNames must not be empty") }
            var resolved: [String: String] = [:]
            for (key, value) in raw {
                guard case .string(let name) = value else { throw .serialization("Unexpected value type in payload") }
                guard key.hasPrefix("#") else {
                    throw .validation(
                        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"\(key)\"")
                }
                resolved[key] = name
            }
            names = resolved
        }
        var values: [String: AttributeValue]?
        if let raw = try request.object("ExpressionAttributeValues") {
            guard !raw.isEmpty else { throw .validation("ExpressionAttributeValues must not be empty") }
            var resolved: [String: AttributeValue] = [:]
            for (key, value) in raw {
                guard key.hasPrefix(":") else {
                    throw .validation(
                        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"\(key)\"")
                }
                resolved[key] = try AttributeValue(json: value)
            }
            values = resolved
        }
        self.init(names: names, values: values)
    }

    mutating func name(_ token: String, kind: ExpressionKind) throws(DynamoError) -> String {
        guard let name = names?[token] else {
            throw .validation(
                "Invalid \(kind.rawValue): An expression attribute name used in the document path is not defined; attribute name: \(token)"
            )
        }
        usedNames.insert(token)
        return name
    }

    mutating func value(_ token: String, kind: ExpressionKind) throws(DynamoError) -> AttributeValue {
        guard let value = values?[token] else {
            throw .validation(
                "Invalid \(kind.rawValue): An expression attribute value used in expression is not defined; attribute value: \(token)"
            )
        }
        usedValues.insert(token)
        return value
    }

    /// After every expression of the request is parsed: any defined but unused placeholder is an error,
    /// and so is supplying placeholders when the request has no expression at all.
    func checkAllUsed(requestHasExpressions: Bool) throws(DynamoError) {
        if !requestHasExpressions {
            if values != nil {
                throw .validation("ExpressionAttributeValues can only be specified when using expressions")
            }
            if names != nil {
                throw .validation("ExpressionAttributeNames can only be specified when using expressions")
            }
            return
        }
        let unusedNames = (names?.keys).map { Set($0).subtracting(usedNames) } ?? []
        if !unusedNames.isEmpty {
            throw .validation(
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {\(unusedNames.sorted().joined(separator: ", "))}"
            )
        }
        let unusedValues = (values?.keys).map { Set($0).subtracting(usedValues) } ?? []
        if !unusedValues.isEmpty {
            throw .validation(
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {\(unusedValues.sorted().joined(separator: ", "))}"
            )
        }
    }
}
