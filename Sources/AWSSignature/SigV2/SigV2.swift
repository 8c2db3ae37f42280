/// AWS Signature Version 2 for S3 query authentication (`AWSAccessKeyId`, `Expires`, `Signature`):
/// base64 HMAC-SHA1 over method, Content-MD5, Content-Type, Expires, `x-amz-*` headers and resource.
public enum SigV2 {
    /// Query parameters that belong to the canonicalized resource (S3's sub-resources and overrides).
    public static let subresources: Set<String> = [
        "acl", "cors", "delete", "lifecycle", "location", "logging", "notification", "partNumber", "policy",
        "requestPayment", "restore", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning",
        "versions", "website", "response-cache-control", "response-content-disposition",
        "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
    ]

    /// `<path><?sub-resources>`: the path exactly as on the wire (bucket included, path style), then the
    /// sub-resources sorted by name, decoded, as `name` or `name=value`, joined by `&`.
    public static func canonicalizedResource(path: String, query: [(name: String, value: String)]) -> String {
        let included = query.filter { subresources.contains($0.name) }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        guard !included.isEmpty else { return path }
        return path + "?"
            + included.map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// `name:value\n` for every `x-amz-*` header: lower-case names sorted, values trimmed, repeats joined by `,`.
    public static func canonicalizedAmzHeaders(_ headers: [(name: String, value: String)]) -> String {
        var values: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            guard name.hasPrefix("x-amz-") else { continue }
            values[name, default: []].append(header.value.trimmingSpaces)
        }
        return values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
    }

    /// The string to sign of `request` for query authentication expiring at `expires` (Unix seconds).
    public static func stringToSign(for request: SignableRequest, expires: Int64) -> String {
        [
            request.method.uppercased(), request.header("content-md5")?.trimmingSpaces ?? "",
            request.header("content-type")?.trimmingSpaces ?? "", String(expires),
        ].joined(separator: "\n") + "\n" + canonicalizedAmzHeaders(request.headers)
            + canonicalizedResource(path: request.path, query: request.query)
    }

    /// Base64 HMAC-SHA1 of `stringToSign` under `secretAccessKey`.
    public static func signature(secretAccessKey: String, stringToSign: String) -> String {
        Base64.encode(HMAC.sha1(key: Array(secretAccessKey.utf8), message: stringToSign))
    }

    /// Presigns `request` (its `Host` header names the host) until `expires` (Unix seconds); the URL gets
    /// `AWSAccessKeyId`, `Signature`, `Expires` after the existing query, as boto3 orders them.
    public static func presignedURL(
        _ request: SignableRequest, credentials: AWSCredentials, expires: Int64, scheme: String = "https"
    ) throws(SigV2Error) -> String {
        guard let host = request.header("host") else { throw .missingHost }
        var signed = request
        if let token = credentials.sessionToken { signed.headers.append(("x-amz-security-token", token)) }
        let signature = signature(
            secretAccessKey: credentials.secretAccessKey, stringToSign: stringToSign(for: signed, expires: expires))
        var query = request.query
        query.append(("AWSAccessKeyId", credentials.accessKeyID))
        query.append(("Signature", signature))
        query.append(("Expires", String(expires)))
        if let token = credentials.sessionToken { query.append(("x-amz-security-token", token)) }
        return "\(scheme)://\(host)\(request.path)?\(QueryString.encode(query))"
    }
}

/// Why SigV2 query authentication could not be parsed or produced.
public enum SigV2Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// A required parameter (`AWSAccessKeyId`, `Signature`, `Expires`) is absent (its name).
    case missingQueryParameter(String)
    /// `Expires` is not an integer number of Unix seconds (the value found).
    case malformedExpires(String)
    /// `Signature` is not base64 of a 20-byte HMAC-SHA1 (the value found).
    case malformedSignature(String)
    /// The request to presign has no `Host` header.
    case missingHost

    /// A message naming the field at fault.
    public var description: String {
        switch self {
        case .missingQueryParameter(let name): return "Query-string authentication requires the \(name) parameter."
        case .malformedExpires(let value): return "Expires '\(value)' is not a Unix time in seconds."
        case .malformedSignature(let value): return "Signature '\(value)' is not a base64 HMAC-SHA1."
        case .missingHost: return "The request to presign has no Host header."
        }
    }
}
