/// `GET /`: every bucket, with optional `prefix` and `max-buckets`/`continuation-token` paging.
enum ListBuckets: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let prefix = context.request.queryValue("prefix") ?? ""
        let after = context.request.queryValue("continuation-token") ?? ""
        var limit = 10_000
        if let text = context.request.queryValue("max-buckets") {
            guard let value = Int(text), (1...10_000).contains(value) else {
                throw S3Error.invalidArgument("max-buckets", text, "max-buckets must be between 1 and 10000")
            }
            limit = value
        }
        // The caller's own buckets, as on S3 (a bucket stored before owners were kept is the default user's).
        let owner = context.access.requester?.canonicalID ?? context.access.bucketOwner
        let defaultOwner = context.access.users.defaultUser?.canonicalID ?? owner
        let matching = try context.store.listBuckets().filter {
            $0.name.hasPrefix(prefix) && $0.name > after && ($0.configuration.access?.owner ?? defaultOwner) == owner
        }
        let page = matching.prefix(limit)
        var xml = XMLWriter(root: "ListAllMyBucketsResult")
        xml.group("Owner") {
            $0.element("ID", owner)
            $0.element("DisplayName", context.access.users.displayName(canonicalID: owner))
        }
        xml.group("Buckets") { xml in
            for bucket in page {
                xml.group("Bucket") {
                    $0.element("Name", bucket.name)
                    $0.element("CreationDate", HTTPDate.iso8601(bucket.configuration.creationDate))
                    $0.element("BucketRegion", context.region)
                }
            }
        }
        if matching.count > page.count, let last = page.last { xml.element("ContinuationToken", last.name) }
        if !prefix.isEmpty { xml.element("Prefix", prefix) }
        return .xml(xml)
    }
}
