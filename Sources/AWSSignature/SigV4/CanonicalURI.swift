/// How the canonical URI is derived from the path on the wire.
public enum CanonicalURIStyle: Sendable, Hashable {
    /// S3: the path decoded and UriEncoded once (`/` kept, `%2F` kept escaped); no dot-segment removal,
    /// `//` kept.
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
            let uri = Self.reencode(path)
            return uri.isEmpty ? "/" : uri
        case .generic:
            return URIEncoding.encode(Self.normalize(path).utf8, keepSlash: true)
        }
    }

    /// Decodes each `%XX` escape and re-encodes every byte once (`/` kept). An escaped slash (`%2F`) stays
    /// escaped: it is part of a key, not a separator, and the client signed it that way.
    static func reencode(_ path: String) -> String {
        var output = ""
        var pending: [UInt8] = []
        let input = Array(path.utf8)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count, let high = Hex.value(of: input[index + 1]),
                let low = Hex.value(of: input[index + 2])
            {
                let decoded = high << 4 | low
                if decoded == UInt8(ascii: "/") {
                    output += URIEncoding.encode(pending, keepSlash: true) + "%2F"
                    pending.removeAll()
                } else {
                    pending.append(decoded)
                }
                index += 3
            } else {
                pending.append(byte)
                index += 1
            }
        }
        return output + URIEncoding.encode(pending, keepSlash: true)
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
