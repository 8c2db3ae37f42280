/// A parsed `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header.
public struct SigV4Authorization: Sendable, Hashable {
    /// The access key ID from the credential.
    public let accessKeyID: String
    /// The credential scope (date, region, service).
    public let scope: CredentialScope
    /// The signed header names, lower case, in the order given.
    public let signedHeaders: [String]
    /// The signature provided.
    public let signature: String

    /// True when an Authorization header value claims SigV4 (so the caller can route SigV2 `AWS ` elsewhere).
    public static func isSigV4(_ header: String) -> Bool {
        header.trimmingSpaces.hasPrefix(SigV4.algorithm + " ")
    }

    /// Parses the header value; tolerant of spaces around `,` and `=`, strict about every component.
    public init(header value: String) throws(SigV4Error) {
        let trimmed = value.trimmingSpaces
        let algorithm = trimmed.prefix { $0 != " " }
        guard algorithm == SigV4.algorithm else { throw .unsupportedAlgorithm(String(algorithm)) }
        var components: [String: String] = [:]
        for part in trimmed.dropFirst(algorithm.count).split(separator: ",") {
            let item = String(part).trimmingSpaces
            guard !item.isEmpty else { continue }
            guard let equals = item.firstIndex(of: "=") else { throw .missingComponent(item) }
            let key = String(item[..<equals]).trimmingSpaces
            let componentValue = String(item[item.index(after: equals)...]).trimmingSpaces
            guard components.updateValue(componentValue, forKey: key) == nil else { throw .duplicateComponent(key) }
        }
        guard let credential = components["Credential"] else { throw .missingComponent("Credential") }
        guard let signedHeaders = components["SignedHeaders"] else { throw .missingComponent("SignedHeaders") }
        guard let signature = components["Signature"] else { throw .missingComponent("Signature") }
        (accessKeyID, scope) = try Self.parseCredential(credential)
        self.signedHeaders = try Self.parseSignedHeaders(signedHeaders)
        self.signature = try Self.parseSignature(signature)
    }

    /// Computes the signature `request` should carry if signed with `secretAccessKey` under this
    /// header's scope (its region, not the server's), at the request's `X-Amz-Date`.
    /// `payloadHash` is the `x-amz-content-sha256` value for S3, the body's SHA-256 elsewhere.
    public func expectedSignature(
        for request: SignableRequest, payloadHash: String, secretAccessKey: String, style: CanonicalURIStyle? = nil
    ) throws(SigV4Error) -> SigV4Signature {
        try expectedSignature(
            for: request, payloadHash: payloadHash,
            signingKey: SigningKey(secretAccessKey: secretAccessKey, scope: scope), style: style)
    }

    /// As `expectedSignature(for:payloadHash:secretAccessKey:style:)`, with the signing key of this header's
    /// scope already derived.
    public func expectedSignature(
        for request: SignableRequest, payloadHash: String, signingKey: SigningKey, style: CanonicalURIStyle? = nil
    ) throws(SigV4Error) -> SigV4Signature {
        let date = try SigV4.requestDate(headers: request.headers)
        return try SigV4.sign(
            request: request, signedHeaders: signedHeaders, payloadHash: payloadHash, date: date, scope: scope,
            signingKey: signingKey, style: style ?? CanonicalURIStyle(service: scope.service))
    }

    /// Splits `<key>/<yyyymmdd>/<region>/<service>/aws4_request`.
    static func parseCredential(_ credential: String) throws(SigV4Error) -> (String, CredentialScope) {
        // Split on bytes: `/` is ASCII, and splitting by `Character` walks grapheme breaks.
        let parts = credential.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard parts.count == 5, !parts[0].isEmpty, parts[1].utf8.count == 8,
            parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            !parts[2].isEmpty, !parts[3].isEmpty, parts[4] == CredentialScope.terminator
        else { throw .malformedCredential(credential) }
        return (parts[0], CredentialScope(dateStamp: parts[1], region: parts[2], service: parts[3]))
    }

    /// Splits `host;x-amz-date`; names must be non-empty, lower case, without spaces.
    static func parseSignedHeaders(_ list: String) throws(SigV4Error) -> [String] {
        let names = list.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard !list.isEmpty,
            names.allSatisfy({ name in
                !name.isEmpty && name == name.lowercased() && !name.contains(" ") && !name.contains(":")
            })
        else { throw .malformedSignedHeaders(list) }
        return names
    }

    /// Requires 64 hex digits.
    static func parseSignature(_ signature: String) throws(SigV4Error) -> String {
        guard PayloadHash.isSHA256Hex(signature) else { throw .malformedSignature(signature) }
        return signature
    }
}
