/// `GET|PUT|DELETE /bucket/key?tagging`: an object's tag set (at most 10 tags), changed without
/// touching its bytes, ETag or date; any version's tags can be read, the current version's changed.
enum ObjectTagging: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        if context.request.method != "GET", let versionID = context.request.queryValue("versionId"),
            try context.store.openObject(bucket: bucket, key: key).metadata.versionIdText != versionID
        {
            throw S3Error(.notImplemented, "not implemented: changing the tags of a noncurrent version in LocalS3")
        }
        switch context.request.method {
        case "PUT":
            let tags = try TagSet.parseDocument(
                try await context.body.collect(limit: 64 * 1024), limit: TagSet.maximumObjectTags)
            try await context.store.rewriteMetadata(bucket: bucket, key: key) { $0.tags = tags.isEmpty ? nil : tags }
            return S3Response()
        case "DELETE":
            try await context.store.rewriteMetadata(bucket: bucket, key: key) { $0.tags = nil }
            return S3Response(status: 204)
        case "GET":
            let object = try GetObject.openRequested(context, bucket: bucket, key: key)
            var response = S3Response.xml(TagSet.document(object.metadata.tags ?? []))
            if let version = object.metadata.versionId { response.headers.append(("x-amz-version-id", version)) }
            return response
        default:
            throw Router.methodNotAllowed(context.request.method, "OBJECT")
        }
    }
}

/// `GET|PUT|DELETE /bucket?tagging`: a bucket's tag set (at most 50 tags); NoSuchTagSet when it has none.
enum BucketTagging: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        switch context.request.method {
        case "PUT":
            let tags = try TagSet.parseDocument(
                try await context.body.collect(limit: 64 * 1024), limit: TagSet.maximumBucketTags)
            try context.store.updateBucketConfiguration(bucket) { $0.tags = tags.isEmpty ? nil : tags }
            return S3Response(status: 204)
        case "DELETE":
            try context.store.updateBucketConfiguration(bucket) { $0.tags = nil }
            return S3Response(status: 204)
        case "GET":
            guard let tags = try context.store.bucketConfiguration(bucket).tags else {
                throw S3Error(
                    .noSuchTagSet, "The TagSet does not exist", details: [.init("BucketName", bucket)])
            }
            return .xml(TagSet.document(tags))
        default:
            throw Router.methodNotAllowed(context.request.method, "BUCKET")
        }
    }
}
