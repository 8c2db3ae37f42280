/// What the tagging actions share: resolving a table ARN, and DynamoDB's rules for tags.
enum TagSupport {
    static let maximumTags = 50

    /// The table a `ResourceArn` names (`arn:aws:dynamodb:<region>:<account>:table/<name>`).
    static func table(_ request: RequestReader, _ storage: Storage) throws(DynamoError) -> TableDefinition {
        let arn = try request.requiredString("ResourceArn")
        guard (1...1283).contains(arn.utf8.count) else {
            throw .validation(
                "1 validation error detected: Value '\(arn)' at 'resourceArn' failed to satisfy constraint: Member must have length \(arn.isEmpty ? "greater than or equal to 1" : "less than or equal to 1283")"
            )
        }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "dynamodb", parts[5].hasPrefix("table/") else {
            throw .validation("Invalid TableArn: Invalid ResourceArn provided as input \(arn)")
        }
        let name = String(parts[5].dropFirst("table/".count))
        guard let table = storage.tables[name], !name.contains("/") else {
            throw DynamoError(.resourceNotFound, "Requested resource not found: ResourcArn: \(arn) not found")
        }
        return table
    }

    /// The table's tags, in the order they were first set.
    static func tags(of table: TableDefinition) -> [(key: String, value: String)] {
        guard case .array(let list)? = table.request["Tags"] else { return [] }
        return list.compactMap { entry in
            guard case .string(let key)? = entry.objectValue?["Key"] else { return nil }
            guard case .string(let value)? = entry.objectValue?["Value"] else { return (key, "") }
            return (key, value)
        }
    }

    static func json(_ tags: [(key: String, value: String)]) -> JSON {
        .array(tags.map { .object(["Key": .string($0.key), "Value": .string($0.value)]) })
    }

    /// Validates a `Tags` list (key 1-128, value 0-256, no `aws:` prefix) and returns it.
    static func parse(_ list: [JSON]) throws(DynamoError) -> [(key: String, value: String)] {
        var tags: [(key: String, value: String)] = []
        for (offset, entry) in list.enumerated() {
            guard let members = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
            let reader = RequestReader(members)
            let field = "tags.\(offset + 1).member"
            guard let key = try reader.string("Key") else { throw RequestReader.missing("\(field).key") }
            guard let value = try reader.string("Value") else { throw RequestReader.missing("\(field).value") }
            try checkLength(key, field: "\(field).key", minimum: 1, maximum: 128)
            try checkLength(value, field: "\(field).value", minimum: 0, maximum: 256)
            if key.hasPrefix("aws:") {
                throw .invalidParameter("Tag keys starting with 'aws:' are reserved for AWS use: \(key)")
            }
            tags.append((key, value))
        }
        return tags
    }

    static func checkLength(_ text: String, field: String, minimum: Int, maximum: Int) throws(DynamoError) {
        let length = text.count
        guard length < minimum || length > maximum else { return }
        let bound =
            length < minimum
            ? "greater than or equal to \(minimum)" : "less than or equal to \(maximum)"
        throw .validation(
            "1 validation error detected: Value '\(text)' at '\(field)' failed to satisfy constraint: Member must have length \(bound)"
        )
    }

    /// `existing` with `added` merged in (a key set again keeps its place and takes the new value).
    static func merged(
        _ existing: [(key: String, value: String)], _ added: [(key: String, value: String)]
    ) throws(DynamoError) -> [(key: String, value: String)] {
        var result = existing
        for tag in added {
            if let index = result.firstIndex(where: { $0.key == tag.key }) {
                result[index].value = tag.value
            } else {
                result.append(tag)
            }
        }
        guard result.count <= maximumTags else {
            throw DynamoError(
                .limitExceeded, "The number of tags for a resource cannot exceed \(maximumTags)")
        }
        return result
    }
}
