/// `POST /bucket?delete`: deletes up to 1000 keys; missing keys count as deleted, as in S3.
enum DeleteObjects: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        try context.store.requireBucket(bucket)
        let document = try XMLTree.parse(try await context.body.collect(limit: 2 * 1024 * 1024), root: "Delete")
        let objects = document.all("Object")
        guard objects.count <= 1000 else { throw S3Error.malformedXML() }
        let quiet = document.value("Quiet")?.lowercased() == "true"
        var xml = XMLWriter(root: "DeleteResult")
        for object in objects {
            guard let keyElement = object.child("Key") else { throw S3Error.malformedXML() }
            let key = ObjectKey(keyElement.text)
            let versionID = object.value("VersionId")
            do {
                guard versionID == nil || versionID == "null" else {
                    throw S3Error(.notImplemented, "not implemented: versioned deletes in LocalS3")
                }
                guard key.bytes.count <= ObjectKey.maximumLength, !key.bytes.isEmpty else {
                    throw S3Error(.keyTooLong, "Your key is too long")
                }
                try context.store.deleteObject(bucket: bucket, key: key)
                if !quiet {
                    xml.group("Deleted") {
                        $0.element("Key", keyElement.text)
                        $0.element("VersionId", versionID)
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
