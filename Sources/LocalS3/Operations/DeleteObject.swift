/// `DELETE /bucket/key`: 204 whether or not the key existed; with `If-Match`, only a matching object. In a
/// versioned bucket it adds a delete marker; with `versionId` it removes that version for good.
enum DeleteObject: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        let store = context.store
        if let versionID = context.request.queryValue("versionId") {
            let removed = try store.deleteVersion(bucket: bucket, key: key, versionID: versionID)
            context.changes.append(ObjectChange(event: "ObjectRemoved:Delete", key: key, versionID: versionID))
            var response = S3Response(status: 204, headers: [("x-amz-version-id", versionID)])
            if removed?.isDeleteMarker == true { response.headers.append(("x-amz-delete-marker", "true")) }
            return response
        }
        try store.requireBucket(bucket)
        if try store.versioning(bucket) != nil {
            let condition = try context.header("if-match").map { ifMatch in
                let path = store.objectPath(bucket, key)
                try WriteCondition.check(.etag(ifMatch), path: path, key: key, readers: store.readers)
                return WriteCondition(
                    requirement: .etag(ifMatch), initialIdentity: FileIdentity(path: path), readers: store.readers)
            }
            let marker = try await store.putDeleteMarker(
                bucket: bucket, key: key, now: context.now, condition: condition)
            context.changes.append(
                ObjectChange(event: "ObjectRemoved:DeleteMarkerCreated", key: key, versionID: marker.versionIdText))
            return S3Response(
                status: 204, headers: [("x-amz-delete-marker", "true"), ("x-amz-version-id", marker.versionIdText)])
        }
        try store.deleteObject(bucket: bucket, key: key, ifMatch: context.header("if-match"))
        context.changes.append(ObjectChange(event: "ObjectRemoved:Delete", key: key))
        return S3Response(status: 204)
    }
}
