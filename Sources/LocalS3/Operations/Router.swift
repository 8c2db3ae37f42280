/// Chooses the operation from method, sub-resource query keys and headers, as S3 does.
enum Router {
    /// Sub-resources LocalS3 does not implement: answered 501 rather than mistaken for object reads.
    static let unsupportedSubresources: Set<String> = [
        "logging", "notification", "replication", "encryption", "object-lock",
        "retention", "legal-hold", "requestPayment", "accelerate", "analytics", "inventory", "metrics",
        "intelligent-tiering", "torrent", "restore", "select", "website-redirect",
    ]

    static func operation(for request: S3Request) throws -> any S3Operation.Type {
        let method = request.method
        for item in request.query where unsupportedSubresources.contains(item.name) {
            if item.name == "notification" && request.bucket != nil && request.key == nil {
                return BucketNotification.self
            }
            throw S3Error(.notImplemented, "not implemented: the ?\(item.name) sub-resource in LocalS3")
        }
        guard request.bucket != nil else {
            guard method == "GET" else { throw methodNotAllowed(method, "SERVICE") }
            return ListBuckets.self
        }
        guard request.key != nil else { return try bucketOperation(request) }
        if request.hasQuery("tagging") { return ObjectTagging.self }
        if request.hasQuery("acl") { return ObjectACLOperation.self }
        if request.hasQuery("attributes") {
            guard method == "GET" else { throw methodNotAllowed(method, "OBJECT") }
            return GetObjectAttributes.self
        }
        switch method {
        case "GET", "HEAD":
            if request.hasQuery("uploadId") && method == "GET" { return ListParts.self }
            return GetObject.self
        case "PUT":
            if request.hasQuery("uploadId") || request.hasQuery("partNumber") { return UploadPart.self }
            if request.headers["x-amz-copy-source"] != nil { return CopyObject.self }
            return PutObject.self
        case "POST":
            if request.hasQuery("uploads") { return CreateMultipartUpload.self }
            if request.hasQuery("uploadId") { return CompleteMultipartUpload.self }
            throw S3Error(.notImplemented, "not implemented: POST object form uploads in LocalS3")
        case "DELETE":
            if request.hasQuery("uploadId") { return AbortMultipartUpload.self }
            return DeleteObject.self
        default:
            throw methodNotAllowed(method, "OBJECT")
        }
    }

    static func bucketOperation(_ request: S3Request) throws -> any S3Operation.Type {
        let method = request.method
        if request.hasQuery("cors") { return BucketCORS.self }
        if request.hasQuery("website") { return BucketWebsite.self }
        if request.hasQuery("lifecycle") { return BucketLifecycle.self }
        if request.hasQuery("tagging") { return BucketTagging.self }
        if request.hasQuery("versioning") { return BucketVersioning.self }
        if let access = BucketAccessOperations.operation(for: request) { return access }
        switch method {
        case "GET":
            if request.hasQuery("location") { return GetBucketLocation.self }
            if request.hasQuery("versions") { return ListObjectVersions.self }
            if request.hasQuery("uploads") { return ListMultipartUploads.self }
            if request.queryValue("list-type") == "2" { return ListObjectsV2.self }
            return ListObjects.self
        case "HEAD": return HeadBucket.self
        case "PUT": return CreateBucket.self
        case "DELETE": return DeleteBucket.self
        case "POST":
            if request.hasQuery("delete") { return DeleteObjects.self }
            return PostObject.self
        default:
            throw methodNotAllowed(method, "BUCKET")
        }
    }

    static func methodNotAllowed(_ method: String, _ resource: String) -> S3Error {
        S3Error(
            .methodNotAllowed, "The specified method is not allowed against this resource.",
            details: [.init("Method", method), .init("ResourceType", resource)])
    }
}
