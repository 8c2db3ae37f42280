/// `POST /bucket?delete`: deletes up to 1000 keys (or versions); missing keys count as deleted, as in S3.
/// In a versioned bucket a key without a version gets a delete marker.
enum DeleteObjects: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        try context.store.requireBucket(bucket)
        let document = try XMLTree.parse(try await context.body.collect(limit: 2 * 1024 * 1024), root: "Delete")
        let objects = document.all("Object")
        guard objects.count <= 1000 else { throw S3Error.malformedXML() }
        let quiet = document.value("Quiet")?.lowercased() == "true"
        let versioned = try context.store.versioning(bucket) != nil
        var xml = XMLWriter(root: "DeleteResult")
        for object in objects {
            guard let keyElement = object.child("Key") else { throw S3Error.malformedXML() }
            let key = ObjectKey(keyElement.text)
            let versionID = object.value("VersionId")
            do {
                guard key.bytes.count <= ObjectKey.maximumLength, !key.bytes.isEmpty else {
                    throw S3Error(.keyTooLong, "Your key is too long")
                }
                try context.access.authorize(versionID == nil ? .deleteObject : .deleteObjectVersion, key: key)
                var marker: String?
                var removedMarker = false
                if let versionID {
                    let removed = try context.store.deleteVersion(bucket: bucket, key: key, versionID: versionID)
                    removedMarker = removed?.isDeleteMarker == true
                    context.changes.append(ObjectChange(event: "ObjectRemoved:Delete", key: key, versionID: versionID))
                } else if versioned {
                    marker = try await context.store.putDeleteMarker(bucket: bucket, key: key, now: context.now)
                        .versionIdText
                    context.changes.append(
                        ObjectChange(event: "ObjectRemoved:DeleteMarkerCreated", key: key, versionID: marker))
                } else {
                    try context.store.deleteObject(bucket: bucket, key: key)
                    context.changes.append(ObjectChange(event: "ObjectRemoved:Delete", key: key))
                }
                if !quiet {
                    xml.group("Deleted") {
                        $0.element("Key", keyElement.text)
                        $0.element("VersionId", versionID)
                        if removedMarker || marker != nil { $0.element("DeleteMarker", "true") }
                        if removedMarker { $0.element("DeleteMarkerVersionId", versionID) }
                        $0.element("DeleteMarkerVersionId", marker)
                    }
                }
            } catch let error as S3Error {
                xml.group("Error") {
                    $0.element("Key", keyElement.text)
                    $0.element("Code", error.code.rawValue)
                    $0.element("Message", error.message)
                }
            }
        }
        return .xml(xml)
    }
}
