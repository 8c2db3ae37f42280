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
