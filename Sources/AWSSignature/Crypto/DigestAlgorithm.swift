import COpenSSL

/// A message digest algorithm backed by OpenSSL libcrypto.
public enum DigestAlgorithm: String, Sendable, Hashable, CaseIterable {
    case sha256 = "SHA256"
    case sha1 = "SHA1"
    case md5 = "MD5"

    /// Length of the digest in bytes.
    public var byteCount: Int {
        switch self {
        case .sha256: return 32
        case .sha1: return 20
        case .md5: return 16
        }
    }

    /// OpenSSL's static method table for the algorithm (never freed; owned by libcrypto).
    var evpMethod: OpaquePointer {
        switch self {
        case .sha256: return EVP_sha256()
        case .sha1: return EVP_sha1()
        case .md5: return EVP_md5()
        }
    }
}
