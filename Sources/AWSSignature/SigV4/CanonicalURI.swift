/// How the canonical URI is derived from the path on the wire.
public enum CanonicalURIStyle: Sendable, Hashable {
    /// S3: the path decoded and UriEncoded once (`/` kept); no dot-segment removal, `//` kept.
    case s3
    /// Every other service: dot segments removed and `//` collapsed, then the wire path UriEncoded again
    /// (so an already-encoded `%20` is signed as `%2520`, as the AWS SigV4 specification requires).
    case generic

    /// The style AWS uses for `service`.
    public init(service: String) {
        self = service == "s3" ? .s3 : .generic
    }

    /// The canonical URI of `path` (the request target before `?`, as sent on the wire).
    public func canonicalURI(path: String) -> String {
        switch self {
        case .s3:
            let uri = URIEncoding.encode(URIEncoding.decodeBytes(path), keepSlash: true)
            return uri.isEmpty ? "/" : uri
        case .generic:
            return URIEncoding.encode(Self.normalize(path).utf8, keepSlash: true)
        }
    }

    /// Removes `.` and `..` segments and empty segments; keeps a trailing slash; always starts with `/`.
    static func normalize(_ path: String) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts {
            switch part {
            case "", ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(part)
            }
        }
        guard !segments.isEmpty else { return "/" }
        let trailing = parts.last.map { $0.isEmpty || $0 == "." || $0 == ".." } ?? false
        return "/" + segments.joined(separator: "/") + (trailing ? "/" : "")
    }
}
