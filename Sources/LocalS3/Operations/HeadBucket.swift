/// `HEAD /bucket`: 200 with the bucket's region, or a bare 404.
enum HeadBucket: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        try context.store.requireBucket(bucket)
        return S3Response(headers: [("x-amz-bucket-region", context.region)])
    }
}

/// `GET /bucket?location`: empty for us-east-1, as S3 answers.
enum GetBucketLocation: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        try context.store.requireBucket(try context.bucket())
        var xml = XMLWriter(root: "LocationConstraint")
        if context.region != "us-east-1" { xml.rawText(XMLWriter.escape(context.region)) }
        return .xml(xml)
    }
}
