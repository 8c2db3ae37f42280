/// One-shot message digests (SHA-256, SHA-1, MD5, SHA-512), as bytes or lowercase hex.
public enum Digest {
    /// The digest of `bytes` under `algorithm`.
    public static func hash(_ algorithm: DigestAlgorithm, _ bytes: some Collection<UInt8>) -> [UInt8] {
        let hasher = DigestHasher(algorithm)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// SHA-256 of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] { hash(.sha256, bytes) }
    /// SHA-256 of the UTF-8 bytes of `string`.
    public static func sha256(_ string: String) -> [UInt8] { hash(.sha256, string.utf8) }
    /// SHA-256 of `bytes` as lowercase hex.
    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String { Hex.encode(sha256(bytes)) }
    /// SHA-256 of the UTF-8 bytes of `string` as lowercase hex.
    public static func sha256Hex(_ string: String) -> String { Hex.encode(sha256(string)) }

    /// SHA-1 of `bytes`.
    public static func sha1(_ bytes: some Collection<UInt8>) -> [UInt8] { hash(.sha1, bytes) }
    /// SHA-1 of `bytes` as lowercase hex.
    public static func sha1Hex(_ bytes: some Collection<UInt8>) -> String { Hex.encode(sha1(bytes)) }

    /// SHA-512 of `bytes` (S3 `x-amz-checksum-sha512`).
    public static func sha512(_ bytes: some Collection<UInt8>) -> [UInt8] { hash(.sha512, bytes) }

    /// MD5 of `bytes` (S3 ETags and Content-MD5; not for security).
    public static func md5(_ bytes: some Collection<UInt8>) -> [UInt8] { hash(.md5, bytes) }
    /// MD5 of `bytes` as lowercase hex.
    public static func md5Hex(_ bytes: some Collection<UInt8>) -> String { Hex.encode(md5(bytes)) }

    /// SHA-256 of the empty string as lowercase hex (the payload hash of a bodiless request).
    public static let emptySHA256Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
}
