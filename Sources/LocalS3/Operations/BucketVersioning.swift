/// `PUT|GET /bucket?versioning`: Enabled or Suspended (a bucket never returns to unversioned); GET of a
/// bucket never configured answers an empty `VersioningConfiguration`.
enum BucketVersioning: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        switch context.request.method {
        case "PUT":
            let document = try XMLTree.parse(
                try await context.body.collect(limit: 64 * 1024), root: "VersioningConfiguration")
            guard let status = document.value("Status"), let state = VersioningState(rawValue: status) else {
                throw S3Error.malformedXML()
            }
            try context.store.setVersioning(bucket, state)
            return S3Response()
        case "GET":
            try context.store.requireBucket(bucket)
            var xml = XMLWriter(root: "VersioningConfiguration")
            if let state = try context.store.versioning(bucket) { xml.element("Status", state.rawValue) }
            return .xml(xml)
        default:
            throw Router.methodNotAllowed(context.request.method, "BUCKET")
        }
    }
}
