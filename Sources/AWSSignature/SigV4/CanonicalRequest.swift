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
