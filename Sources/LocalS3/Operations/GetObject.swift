import Foundation

/// `GET` and `HEAD /bucket/key`: ranges (206/416), conditionals (304/412), `response-*` overrides,
/// `partNumber` reads and checksum mode (never a full-object checksum on a partial body).
enum GetObject: S3Operation {
    static let overrides: [(query: String, header: String)] = [
        ("response-content-type", "Content-Type"), ("response-content-language", "Content-Language"),
        ("response-expires", "Expires"), ("response-cache-control", "Cache-Control"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
    ]

    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        let key = try context.key()
        let object = try openRequested(context, bucket: bucket, key: key)
        return try respond(context, object: object)
    }

    /// The current version, or the one `versionId` names (405 MethodNotAllowed for a delete marker), once
    /// the requester may read it (the object's owner and ACL finish the access decision; a missing object
    /// answers 404 only to who could see it).
    static func openRequested(_ context: OperationContext, bucket: String, key: ObjectKey) throws -> StoredObject {
        let object: StoredObject
        do {
            object = try openVersionOrCurrent(context, bucket: bucket, key: key)
        } catch let error as S3Error where error.code == .noSuchKey || error.code == .noSuchVersion {
            throw context.access.objectMissing(error)
        }
        try context.access.authorizeObject(object.metadata)
        return object
    }

    static func openVersionOrCurrent(_ context: OperationContext, bucket: String, key: ObjectKey) throws
        -> StoredObject
    {
        guard let versionID = context.request.queryValue("versionId") else {
            return try context.store.openObject(bucket: bucket, key: key)
        }
        let object = try context.store.openVersion(bucket: bucket, key: key, versionID: versionID)
        if object.metadata.isDeleteMarker {
            var error = Router.methodNotAllowed(context.request.method, "DeleteMarker")
            error.headers = [.init("x-amz-delete-marker", "true"), .init("x-amz-version-id", versionID)]
            throw error
        }
        return object
    }

    static func respond(_ context: OperationContext, object: StoredObject) throws -> S3Response {
        let metadata = object.metadata
        let request = context.request
        var response = S3Response(headers: headers(for: metadata))
        if let notModified = try Conditionals.evaluate(request.headers, metadata: metadata) {
            response.status = notModified
            response.headers = response.headers.filter { ["ETag", "Last-Modified"].contains($0.name) }
            return response
        }

        var range: Range<Int64> = 0..<metadata.size
        var partial = false
        if let partText = request.queryValue("partNumber") {
            guard let part = Int(partText), part >= 1, part <= FileStore.maximumPartNumber else {
                throw S3Error.invalidArgument(
                    "partNumber", partText, "Part number must be an integer between 1 and 10000, inclusive")
            }
            let sizes = metadata.partSizes ?? [metadata.size]
            guard part <= sizes.count else {
                throw S3Error(
                    .invalidRange, "The requested partnumber is not satisfiable",
                    details: [.init("ActualObjectSize", String(metadata.size))])
            }
            let start = sizes[0..<(part - 1)].reduce(0, +)
            range = start..<(start + sizes[part - 1])
            partial = sizes.count > 1
            response.headers.append(("x-amz-mp-parts-count", String(sizes.count)))
        } else if let rangeHeader = request.headers["range"],
            let parsed = try ByteRange.parse(rangeHeader, size: metadata.size)
        {
            range = parsed
            partial = true
        }
        if partial {
            response.status = 206
            response.headers.append(
                ("Content-Range", "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(metadata.size)"))
        } else if request.headers["x-amz-checksum-mode"]?.uppercased() == "ENABLED" {
            for (algorithm, value) in metadata.checksums.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                response.headers.append((algorithm.headerName, value))
            }
            if let type = metadata.checksumType { response.headers.append(("x-amz-checksum-type", type)) }
        }
        if !context.auth.isAnonymous {
            for (query, header) in overrides {
                if let value = request.queryValue(query) { response.setHeader(header, value) }
            }
        }
        response.body = .object(object, range)
        return response
    }

    /// The stored headers of an object as GET and HEAD return them.
    static func headers(for metadata: ObjectMetadata) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            ("ETag", "\"\(metadata.etag)\""), ("Last-Modified", HTTPDate.imf(metadata.lastModified)),
            ("Accept-Ranges", "bytes"), ("Content-Type", metadata.contentType ?? "binary/octet-stream"),
        ]
        let optional: [(String, String?)] = [
            ("Content-Encoding", metadata.contentEncoding), ("Content-Disposition", metadata.contentDisposition),
            ("Content-Language", metadata.contentLanguage), ("Cache-Control", metadata.cacheControl),
            ("Expires", metadata.expires), ("x-amz-website-redirect-location", metadata.websiteRedirectLocation),
        ]
        for case let (name, value?) in optional { headers.append((name, value)) }
        for (name, value) in metadata.userMetadata.sorted(by: { $0.key < $1.key }) {
            headers.append(("x-amz-meta-\(name)", MetadataEncoding.encode(value)))
        }
        if let tags = metadata.tags { headers.append(("x-amz-tagging-count", String(tags.count))) }
        if let version = metadata.versionId { headers.append(("x-amz-version-id", version)) }
        return headers
    }
}

/// `Range: bytes=a-b | a- | -n`, as S3 reads it: one range; unparseable headers are ignored.
enum ByteRange {
    /// The satisfiable range, nil to serve the whole object, or InvalidRange (416).
    static func parse(_ header: String, size: Int64) throws -> Range<Int64>? {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes="), !text.contains(",") else { return nil }
        let spec = text.dropFirst("bytes=".count)
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        func unsatisfiable() -> S3Error {
            S3Error(
                .invalidRange, "The requested range is not satisfiable",
                details: [.init("ActualObjectSize", String(size)), .init("RangeRequested", header)])
        }
        if first.isEmpty {
            guard let suffix = Int64(last) else { return nil }
            guard suffix > 0, size > 0 else { throw unsatisfiable() }
            return max(0, size - suffix)..<size
        }
        guard let start = Int64(first) else { return nil }
        var end = size - 1
        if !last.isEmpty {
            guard let parsed = Int64(last) else { return nil }
            guard parsed >= start else { return nil }
            end = min(parsed, size - 1)
        }
        guard start < size else { throw unsatisfiable() }
        return start..<(end + 1)
    }
}

/// GET/HEAD preconditions with S3's precedence rules.
enum Conditionals {
    /// 304 when the client's copy is current, nil to proceed; PreconditionFailed (412) when a
    /// must-match condition fails.
    static func evaluate(_ headers: HeaderList, metadata: ObjectMetadata) throws -> Int? {
        let etag = metadata.etag
        let modified = metadata.lastModified.timeIntervalSince1970.rounded(.down)
        let ifMatch = headers["if-match"]
        let ifNoneMatch = headers["if-none-match"]
        if let ifMatch {
            guard matches(ifMatch, etag) else { throw failed("If-Match") }
        } else if let since = headers["if-unmodified-since"].flatMap(HTTPDate.parse),
            modified > since.timeIntervalSince1970
        {
            throw failed("If-Unmodified-Since")
        }
        if let ifNoneMatch {
            if matches(ifNoneMatch, etag) { return 304 }
        } else if let since = headers["if-modified-since"].flatMap(HTTPDate.parse),
            modified <= since.timeIntervalSince1970
        {
            return 304
        }
        return nil
    }

    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) == etag
                || trimmed.hasPrefix("W/")
                    && trimmed.dropFirst(2).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) == etag
        }
    }

    static func failed(_ condition: String) -> S3Error {
        S3Error(
            .preconditionFailed, "At least one of the pre-conditions you specified did not hold",
            details: [.init("Condition", condition)])
    }
}
