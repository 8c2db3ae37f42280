import BuildingBlocks

/// UntagResource: removes tags by key (keys not present are ignored); answers with an empty body.
enum UntagResource {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        var table = try TagSupport.table(request, storage)
        guard let list = try request.array("TagKeys") else { throw RequestReader.missing("TagKeys") }
        var keys: Set<String> = []
        for (offset, entry) in list.enumerated() {
            guard case .string(let key) = entry else { throw .serialization("Unexpected value type in payload") }
            try TagSupport.checkLength(key, field: "tagKeys.\(offset + 1).member", minimum: 1, maximum: 128)
            keys.insert(key)
        }
        table.request["Tags"] = TagSupport.json(TagSupport.tags(of: table).filter { !keys.contains($0.key) })
        try storage.replaceDefinition(table)
        return .object([:])
    }
}
