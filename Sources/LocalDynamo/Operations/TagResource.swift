import BuildingBlocks

/// TagResource: adds or overwrites tags on a table; answers with an empty body.
enum TagResource {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        var table = try TagSupport.table(request, storage)
        guard let list = try request.array("Tags") else { throw RequestReader.missing("Tags") }
        let tags = try TagSupport.merged(TagSupport.tags(of: table), try TagSupport.parse(list))
        table.request["Tags"] = TagSupport.json(tags)
        try storage.replaceDefinition(table)
        return .object([:])
    }
}
