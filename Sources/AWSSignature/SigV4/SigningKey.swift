/// The SigV4 signing key for one (secret, date, region, service); cacheable for a day.
public struct SigningKey: Sendable, Hashable {
    /// The 32 key bytes (kSigning).
    public let bytes: [UInt8]

    /// Derives kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    public init(secretAccessKey: String, scope: CredentialScope) {
        self.bytes = Self.derivationSteps(secretAccessKey: secretAccessKey, scope: scope).last ?? []
    }

    /// A key from raw bytes (for keys derived elsewhere or cached).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// kDate, kRegion, kService and kSigning, in order.
    static func derivationSteps(secretAccessKey: String, scope: CredentialScope) -> [[UInt8]] {
        let kDate = HMAC.sha256(key: Array("AWS4\(secretAccessKey)".utf8), message: scope.dateStamp)
        let kRegion = HMAC.sha256(key: kDate, message: scope.region)
        let kService = HMAC.sha256(key: kRegion, message: scope.service)
        let kSigning = HMAC.sha256(key: kService, message: CredentialScope.terminator)
        return [kDate, kRegion, kService, kSigning]
    }

    /// Lowercase hex HMAC-SHA256 of `stringToSign`: a SigV4 signature.
    public func signature(of stringToSign: String) -> String {
        Hex.encode(HMAC.sha256(key: bytes, message: stringToSign))
    }
}
