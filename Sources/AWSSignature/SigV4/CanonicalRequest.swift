/// A SigV4 canonical request: the six components and their newline-joined text.
public struct CanonicalRequest: Sendable, Hashable {
    /// Upper-case HTTP method.
    public let method: String
    /// Canonical URI.
    public let uri: String
    /// Canonical query string.
    public let query: String
    /// Canonical headers and the signed-header list.
    public let headers: CanonicalHeaders
    /// Hashed-payload line (a hex SHA-256 or a sentinel such as `UNSIGNED-PAYLOAD`).
    public let payloadHash: String

    /// Builds the canonical request of `request`, signing `signedHeaders` (names, any case).
    public init(
        request: SignableRequest, signedHeaders: [String], payloadHash: String, style: CanonicalURIStyle
    ) throws(SigV4Error) {
        self.method = request.method.uppercased()
        self.uri = style.canonicalURI(path: request.path)
        self.query = QueryString.canonical(request.query)
        self.headers = try CanonicalHeaders(headers: request.headers, signedNames: signedHeaders)
        self.payloadHash = payloadHash
    }

    /// The six components joined by `\n`.
    public var text: String {
        [method, uri, query, headers.block, headers.signedHeaders, payloadHash].joined(separator: "\n")
    }

    /// Lowercase hex SHA-256 of `text`.
    public var hashHex: String { Digest.sha256Hex(text) }
}

/// A computed SigV4 signature with the intermediate values a verifier reports on mismatch.
public struct SigV4Signature: Sendable, Hashable {
    /// The canonical request that was signed.
    public let canonicalRequest: CanonicalRequest
    /// The string to sign.
    public let stringToSign: String
    /// 64 lowercase hex digits.
    public let signature: String
    /// The key that signed it (seeds aws-chunked chunk signatures).
    public let signingKey: SigningKey
    /// The timestamp signed.
    public let date: AmzDate
    /// The credential scope signed.
    public let scope: CredentialScope

    /// True when `provided` equals this signature exactly (constant-time compare).
    public func matches(_ provided: String) -> Bool {
        ConstantTime.equals(signature, provided)
    }
}

/// SigV4 (AWS4-HMAC-SHA256) constants and the core computation.
public enum SigV4 {
    /// The algorithm name in Authorization headers, `X-Amz-Algorithm` and strings to sign.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// Presigned URLs may live at most one week.
    public static let presignExpiryRange = 1...604_800

    /// `AWS4-HMAC-SHA256\n<timestamp>\n<scope>\n<hex sha256 of canonical request>`.
    public static func stringToSign(canonicalRequestHash: String, date: AmzDate, scope: CredentialScope) -> String {
        "\(algorithm)\n\(date.timestamp)\n\(scope)\n\(canonicalRequestHash)"
    }

    /// Signs `request` as of `date` within `scope`.
    public static func sign(
        request: SignableRequest, signedHeaders: [String], payloadHash: String, date: AmzDate,
        scope: CredentialScope, signingKey: SigningKey, style: CanonicalURIStyle
    ) throws(SigV4Error) -> SigV4Signature {
        let canonical = try CanonicalRequest(
            request: request, signedHeaders: signedHeaders, payloadHash: payloadHash, style: style)
        let stringToSign = stringToSign(canonicalRequestHash: canonical.hashHex, date: date, scope: scope)
        return SigV4Signature(
            canonicalRequest: canonical, stringToSign: stringToSign,
            signature: signingKey.signature(of: stringToSign), signingKey: signingKey, date: date, scope: scope)
    }

    /// The request time from `X-Amz-Date`, else from a `Date` header written in the same basic form.
    public static func requestDate(headers: [(name: String, value: String)]) throws(SigV4Error) -> AmzDate {
        for wanted in ["x-amz-date", "date"] {
            guard let value = headers.first(where: { $0.name.lowercased() == wanted })?.value else { continue }
            let trimmed = value.trimmingSpaces
            guard let date = AmzDate(trimmed) else {
                if wanted == "date" { break }
                throw .malformedDate(trimmed)
            }
            return date
        }
        throw .missingDate
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
