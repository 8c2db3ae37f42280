import AWSSignature
import Foundation

/// `POST /bucket` with `multipart/form-data`: a browser form upload authorised by a signed policy. The
/// fields before the file are read (at most 20 KB), the policy checked, then the file streams to disk;
/// `success_action_redirect` answers 303, `success_action_status` 200, 201 (with `PostResponse`) or 204.
enum PostObject: S3Operation {
    static let preDataLimit = 20 * 1024

    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        try context.store.requireBucket(bucket)
        guard
            var reader = MultipartFormReader(
                source: context.body, contentType: context.header("content-type") ?? "")
        else {
            throw S3Error(
                .preconditionFailed, "Bucket POST must be of the enclosure-type multipart/form-data",
                details: [.init("Condition", "Bucket POST must be of the enclosure-type multipart/form-data")])
        }
        context.body = EmptyBody()
        let (fields, filePart) = try await reader.readFields(limit: preDataLimit)
        guard let filePart else {
            throw S3Error.invalidArgument("file", "0", "POST requires exactly one file upload per request.")
        }
        let form = PostForm(fields: fields)
        guard let keyTemplate = form["key"], !keyTemplate.isEmpty else {
            throw S3Error.invalidArgument(
                "key", "",
                "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields."
            )
        }
        let filename = String(filePart.filename.split(separator: "/").last ?? "")
        let keyText = keyTemplate.replacingOccurrences(of: "${filename}", with: filename)
        let key = ObjectKey(keyText)
        guard key.bytes.count <= ObjectKey.maximumLength else { throw S3Error(.keyTooLong, "Your key is too long") }
        var policy = try PostPolicy.verify(form, credentials: context.credentials, now: context.now)
        try policy.check(form, bucket: bucket, key: keyText)
        let uploader = context.access.users.user(accessKey: policy.accessKey)
        try context.access.authorize(.putObject, key: key, as: .some(uploader), formUpload: true)
        let requestedACL = try ACLAssignment.requested(context, canned: form["acl"])
        if requestedACL != nil { try context.access.authorize(.key("PutObjectAcl"), key: key, as: .some(uploader)) }
        let acl = try ACLAssignment.newObject(requestedACL, access: context.access, writer: uploader)

        var headers = HeaderList()
        for (name, value) in fields { headers.add(name, value) }
        let stored = try StoredHeaders.from(headers)
        let staged = try context.store.stage(try BodyDigests(sha256: false, checksum: nil))
        try await reader.streamFile { try staged.write($0) }
        try await reader.drain()
        let results = staged.digests.finish()
        if let range = policy.lengthRange, !range.contains(results.byteCount) {
            throw results.byteCount < range.lowerBound
                ? S3Error(.entityTooSmall, "Your proposed upload is smaller than the minimum allowed size")
                : S3Error(.entityTooLarge, "Your proposed upload exceeds the maximum allowed size")
        }
        let metadata = try await context.store.publish(
            staged, bucket: bucket, key: key,
            metadata: ObjectMetadata(
                size: results.byteCount, etag: results.md5Hex, lastModified: context.now, headers: stored,
                acl: acl))
        context.changes.append(ObjectChange.created("Post", key: key, metadata))
        return respond(form, bucket: bucket, key: key, metadata: metadata)
    }

    static func respond(_ form: PostForm, bucket: String, key: ObjectKey, metadata: ObjectMetadata) -> S3Response {
        let etag = "\"\(metadata.etag)\""
        let location = "/\(bucket)/\(PercentCoding.encode(key.bytes, keepSlash: true))"
        var headers: [(name: String, value: String)] = [("ETag", etag)]
        if let version = metadata.versionId { headers.append(("x-amz-version-id", version)) }
        if let redirect = form["success_action_redirect"] ?? form["redirect"], let url = URL(string: redirect),
            url.scheme != nil
        {
            let query = [
                ("bucket", bucket), ("key", key.description), ("etag", etag),
            ].map { "\($0.0)=\(PercentCoding.encode(Array($0.1.utf8)))" }.joined(separator: "&")
            let separator = redirect.contains("?") ? "&" : "?"
            return S3Response(status: 303, headers: headers + [("Location", redirect + separator + query)])
        }
        headers.append(("Location", location))
        switch form["success_action_status"] {
        case "200": return S3Response(status: 200, headers: headers)
        case "201":
            var xml = XMLWriter(root: "PostResponse", namespace: false)
            xml.element("Location", location)
            xml.element("Bucket", bucket)
            xml.element("Key", key.description)
            xml.element("ETag", etag)
            var response = S3Response.xml(xml, status: 201)
            response.headers += headers
            return response
        default: return S3Response(status: 204, headers: headers)
        }
    }
}
