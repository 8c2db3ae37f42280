import COpenSSL

/// One-shot HMAC-SHA256 and HMAC-SHA1 over OpenSSL.
public enum HMAC {
    /// HMAC-SHA256 of `message` under `key`.
    public static func sha256(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        authenticate(.sha256, key: Array(key), message: Array(message))
    }

    /// HMAC-SHA256 of the UTF-8 bytes of `message` under `key`.
    public static func sha256(key: some Collection<UInt8>, message: String) -> [UInt8] {
        authenticate(.sha256, key: Array(key), message: Array(message.utf8))
    }

    /// HMAC-SHA1 of `message` under `key`.
    public static func sha1(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        authenticate(.sha1, key: Array(key), message: Array(message))
    }

    /// HMAC-SHA1 of the UTF-8 bytes of `message` under `key`.
    public static func sha1(key: some Collection<UInt8>, message: String) -> [UInt8] {
        authenticate(.sha1, key: Array(key), message: Array(message.utf8))
    }

    private static func authenticate(_ algorithm: DigestAlgorithm, key: [UInt8], message: [UInt8]) -> [UInt8] {
        // OpenSSL treats a NULL key specially; an empty key is passed as a valid pointer with length 0.
        let keyStorage = key.isEmpty ? [0] : key
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = keyStorage.withUnsafeBytes { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                COpenSSL.HMAC(
                    algorithm.evpMethod, keyBuffer.baseAddress, Int32(key.count),
                    messageBuffer.baseAddress, messageBuffer.count, &output, &length)
            }
        }
        precondition(result != nil, "HMAC failed for \(algorithm)")
        return Array(output.prefix(Int(length)))
    }
}
