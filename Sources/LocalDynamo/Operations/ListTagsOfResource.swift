import BuildingBlocks

/// ListTagsOfResource: a table's tags, all on one page.
enum ListTagsOfResource {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let table = try TagSupport.table(request, storage)
        _ = try request.string("NextToken")
        return .object(["Tags": TagSupport.json(TagSupport.tags(of: table))])
    }
}
