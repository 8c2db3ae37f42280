#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The authentication parameters of a SigV4 presigned URL (`X-Amz-Algorithm`, `X-Amz-Credential`, …).
public struct SigV4PresignedQuery: Sendable, Hashable {
    /// The access key ID from `X-Amz-Credential`.
    public let accessKeyID: String
    /// The credential scope.
    public let scope: CredentialScope
    /// `X-Amz-Date`: when the URL was signed.
    public let date: AmzDate
    /// `X-Amz-Expires`, 1...604800 seconds.
    public let expires: Int
    /// `X-Amz-SignedHeaders`, lower case.
    public let signedHeaders: [String]
    /// `X-Amz-Signature`.
    public let signature: String
    /// `X-Amz-Security-Token`, when present.
    public let securityToken: String?

    /// The parameters in the order AWS names them when one is missing.
    static let requiredParameters = [
        "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-Date", "X-Amz-SignedHeaders",
        "X-Amz-Expires",
    ]

    /// True when the query carries SigV4 query authentication (any `X-Amz-Algorithm`/`-Credential`/`-Signature`).
    public static func isPresigned(query: [(name: String, value: String)]) -> Bool {
        query.contains { ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature"].contains($0.name) }
    }

    /// Parses the decoded query; throws naming the first missing or malformed parameter.
    public init(query: [(name: String, value: String)]) throws(SigV4Error) {
        // The first value of each name; a scan, as a URL has few parameters and this runs for every request.
        let values = FirstValues(query: query)
        for name in Self.requiredParameters where values[name] == nil { throw .missingQueryParameter(name) }
        let algorithm = values["X-Amz-Algorithm"] ?? ""
        guard algorithm == SigV4.algorithm else { throw .unsupportedAlgorithm(algorithm) }
        (accessKeyID, scope) = try SigV4Authorization.parseCredential(values["X-Amz-Credential"] ?? "")
        let dateText = values["X-Amz-Date"] ?? ""
        guard let date = AmzDate(dateText) else { throw .malformedDate(dateText) }
        self.date = date
        let expiresText = values["X-Amz-Expires"] ?? ""
        guard let expires = Int(expiresText) else { throw .malformedExpires(expiresText) }
        guard SigV4.presignExpiryRange.contains(expires) else { throw .expiresOutOfRange(expires) }
        self.expires = expires
        signedHeaders = try SigV4Authorization.parseSignedHeaders(values["X-Amz-SignedHeaders"] ?? "")
        signature = try SigV4Authorization.parseSignature(values["X-Amz-Signature"] ?? "")
        securityToken = values["X-Amz-Security-Token"]
    }

    /// The last instant the URL is valid: `X-Amz-Date + X-Amz-Expires`.
    public var expiresAt: AmzDate { date.adding(seconds: Int64(expires)) }

    /// True once `now` is past `expiresAt`.
    public func isExpired(at now: Date) -> Bool {
        AmzDate(now) > expiresAt
    }

    /// Computes the signature the URL should carry if signed with `secretAccessKey`: every query
    /// parameter except `X-Amz-Signature` is canonical; the payload line is the `X-Amz-Content-Sha256`
    /// parameter if present, else `UNSIGNED-PAYLOAD`, unless `payloadHash` overrides it.
    public func expectedSignature(
        for request: SignableRequest, secretAccessKey: String, payloadHash: String? = nil,
        style: CanonicalURIStyle? = nil
    ) throws(SigV4Error) -> SigV4Signature {
        try expectedSignature(
            for: request, signingKey: SigningKey(secretAccessKey: secretAccessKey, scope: scope),
            payloadHash: payloadHash, style: style)
    }

    /// As `expectedSignature(for:secretAccessKey:…)`, with the signing key of this URL's scope already derived.
    public func expectedSignature(
        for request: SignableRequest, signingKey: SigningKey, payloadHash: String? = nil,
        style: CanonicalURIStyle? = nil
    ) throws(SigV4Error) -> SigV4Signature {
        var canonicalRequest = request
        canonicalRequest.query.removeAll { $0.name == "X-Amz-Signature" }
        let payload = payloadHash ?? request.queryValue("X-Amz-Content-Sha256") ?? PayloadHash.unsigned
        return try SigV4.sign(
            request: canonicalRequest, signedHeaders: signedHeaders, payloadHash: payload, date: date, scope: scope,
            signingKey: signingKey, style: style ?? CanonicalURIStyle(service: scope.service))
    }
}

/// The first value of each query parameter, looked up by name.
private struct FirstValues {
    let query: [(name: String, value: String)]

    subscript(_ name: String) -> String? { query.first { $0.name == name }?.value }
}
