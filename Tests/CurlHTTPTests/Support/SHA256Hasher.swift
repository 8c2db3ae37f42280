import COpenSSL

/// Incremental SHA-256 over libcrypto, fast enough to hash 100 MB in a debug build.
final class SHA256Hasher: @unchecked Sendable {
    // @unchecked: used by one thread at a time (a transfer's chunks arrive in order on one thread).
    private let context: OpaquePointer?
    private(set) var byteCount = 0

    init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
        byteCount += bytes.count
    }

    func finalize() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest.map { String($0 >> 4, radix: 16) + String($0 & 0x0F, radix: 16) }.joined()
    }
}
