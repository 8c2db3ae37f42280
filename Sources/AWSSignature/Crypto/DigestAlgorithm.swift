import COpenSSL

/// A message digest algorithm backed by OpenSSL libcrypto.
public enum DigestAlgorithm: String, Sendable, Hashable, CaseIterable {
    case sha256 = "SHA256"
    case sha1 = "SHA1"
    case md5 = "MD5"
    case sha512 = "SHA512"

    /// Length of the digest in bytes.
    public var byteCount: Int {
        switch self {
        case .sha256: return 32
        case .sha1: return 20
        case .md5: return 16
        case .sha512: return 64
        }
    }

    /// OpenSSL's implementation, fetched once per process.
    var evpMethod: OpaquePointer {
        switch self {
        case .sha256: return Self.sha256Method.method
        case .sha1: return Self.sha1Method.method
        case .md5: return Self.md5Method.method
        case .sha512: return Self.sha512Method.method
        }
    }

    // OpenSSL 3 looks the implementation up on every init when given EVP_sha256(); fetching once
    // makes short digests (the HMAC chain of every signature) several times faster.
    private static let sha256Method = FetchedDigest(name: "SHA256", fallback: EVP_sha256())
    private static let sha1Method = FetchedDigest(name: "SHA1", fallback: EVP_sha1())
    private static let md5Method = FetchedDigest(name: "MD5", fallback: EVP_md5())
    private static let sha512Method = FetchedDigest(name: "SHA512", fallback: EVP_sha512())
}

/// A digest implementation fetched from OpenSSL's default provider.
///
/// `@unchecked Sendable`: a fetched `EVP_MD` is immutable and reference-counted, and OpenSSL documents
/// sharing one between threads as safe. It is held for the life of the process, never freed.
struct FetchedDigest: @unchecked Sendable {
    let method: OpaquePointer

    init(name: String, fallback: OpaquePointer?) {
        if let fetched = EVP_MD_fetch(nil, name, nil) {
            method = fetched
        } else if let fallback {
            method = fallback
        } else {
            preconditionFailure("OpenSSL provides no \(name) digest")
        }
    }
}
