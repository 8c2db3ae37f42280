/// `GET|PUT|DELETE /bucket?ownershipControls`: S3 Object Ownership. `BucketOwnerEnforced` needs a bucket
/// ACL that grants only the owner (InvalidBucketAclWithObjectOwnership otherwise); without controls,
/// objects belong to their writers.
enum BucketOwnershipControls: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        guard let snapshot = context.access.snapshot else { throw S3Error.noSuchBucket(bucket) }
        switch context.request.method {
        case "PUT":
            let document = try XMLTree.parse(
                try await context.body.collect(limit: 64 * 1024), root: "OwnershipControls")
            let rules = document.all("Rule")
            guard rules.count == 1, let text = rules[0].value("ObjectOwnership"),
                let ownership = ObjectOwnership(rawValue: text)
            else { throw S3Error.malformedXML() }
            if ownership == .bucketOwnerEnforced && !snapshot.grants.allSatisfy({ $0.id == snapshot.owner }) {
                throw S3Error(
                    .invalidBucketAclWithObjectOwnership,
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting")
            }
            try context.store.updateBucketAccess(bucket, context: context) { $0.ownership = ownership }
            return S3Response()
        case "DELETE":
            try context.store.updateBucketAccess(bucket, context: context) { $0.ownership = nil }
            return S3Response(status: 204)
        case "GET":
            guard let ownership = snapshot.access.ownership else {
                throw S3Error(
                    .ownershipControlsNotFound, "The bucket ownership controls were not found",
                    details: [.init("BucketName", bucket)])
            }
            var xml = XMLWriter(root: "OwnershipControls")
            xml.group("Rule") { $0.element("ObjectOwnership", ownership.rawValue) }
            return .xml(xml)
        default:
            throw Router.methodNotAllowed(context.request.method, "BUCKET")
        }
    }
}

/// `GET|PUT|DELETE /bucket?publicAccessBlock`: the bucket's public access block (every block is on for a
/// new bucket, as on S3).
enum BucketPublicAccessBlock: S3Operation {
    static let fields: [(name: String, path: any WritableKeyPath<PublicAccessBlockConfiguration, Bool> & Sendable)] = [
        ("BlockPublicAcls", \.blockPublicAcls), ("IgnorePublicAcls", \.ignorePublicAcls),
        ("BlockPublicPolicy", \.blockPublicPolicy), ("RestrictPublicBuckets", \.restrictPublicBuckets),
    ]

    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        guard let snapshot = context.access.snapshot else { throw S3Error.noSuchBucket(bucket) }
        switch context.request.method {
        case "PUT":
            let document = try XMLTree.parse(
                try await context.body.collect(limit: 64 * 1024), root: "PublicAccessBlockConfiguration")
            var configuration = PublicAccessBlockConfiguration()
            for (name, path) in fields {
                guard let text = document.value(name) else { continue }
                switch text.lowercased() {
                case "true": configuration[keyPath: path] = true
                case "false": configuration[keyPath: path] = false
                default: throw S3Error.malformedXML()
                }
            }
            try context.store.updateBucketAccess(bucket, context: context) { $0.publicAccessBlock = configuration }
            return S3Response()
        case "DELETE":
            try context.store.updateBucketAccess(bucket, context: context) { $0.publicAccessBlock = nil }
            return S3Response(status: 204)
        case "GET":
            guard let configuration = snapshot.access.publicAccessBlock else {
                throw S3Error(
                    .noSuchPublicAccessBlockConfiguration, "The public access block configuration was not found",
                    details: [.init("BucketName", bucket)])
            }
            var xml = XMLWriter(root: "PublicAccessBlockConfiguration")
            for (name, path) in fields { xml.element(name, configuration[keyPath: path] ? "true" : "false") }
            return .xml(xml)
        default:
            throw Router.methodNotAllowed(context.request.method, "BUCKET")
        }
    }
}
