import AWSSignature

/// One running flexible checksum, whichever family computes it.
enum RunningChecksum {
    case crc(Checksum)
    case digest(DigestHasher)

    init(_ algorithm: ChecksumAlgorithm) throws(S3Error) {
        switch algorithm {
        case .crc32: self = .crc(Checksum(.crc32))
        case .crc32c: self = .crc(Checksum(.crc32c))
        case .sha1: self = .digest(DigestHasher(.sha1))
        case .sha256: self = .digest(DigestHasher(.sha256))
        case .sha512: self = .digest(DigestHasher(.sha512))
        case .crc64nvme:
            throw S3Error(.notImplemented, "not implemented: CRC64NVME checksums in LocalS3")
        }
    }

    mutating func update(_ buffer: UnsafeRawBufferPointer) {
        switch self {
        case .crc(var checksum):
            checksum.update(buffer)
            self = .crc(checksum)
        case .digest(let hasher): hasher.update(buffer)
        }
    }

    func finalizeBase64() -> String {
        switch self {
        case .crc(let checksum): checksum.base64
        case .digest(let hasher): Base64.encode(hasher.finalize())
        }
    }

    /// The checksum of bytes given at once (for composite multipart checksums).
    static func base64(_ algorithm: ChecksumAlgorithm, of bytes: [UInt8]) throws(S3Error) -> String {
        var running = try RunningChecksum(algorithm)
        bytes.withUnsafeBytes { running.update($0) }
        return running.finalizeBase64()
    }
}

/// Hashes a body while it streams: MD5 for the ETag, plus SHA-256 and one flexible checksum when asked.
/// A reference type owning OpenSSL contexts: keep each within one task.
final class BodyDigests {
    private let md5: DigestHasher?
    private let sha256: DigestHasher?
    private var checksum: RunningChecksum?
    let checksumAlgorithm: ChecksumAlgorithm?
    private(set) var byteCount: Int64 = 0

    init(md5: Bool = true, sha256: Bool, checksum: ChecksumAlgorithm?) throws(S3Error) {
        self.md5 = md5 ? DigestHasher(.md5) : nil
        self.sha256 = sha256 ? DigestHasher(.sha256) : nil
        self.checksumAlgorithm = checksum
        self.checksum = try checksum.map { algorithm throws(S3Error) in try RunningChecksum(algorithm) }
    }

    func update(_ buffer: UnsafeRawBufferPointer) {
        md5?.update(buffer)
        sha256?.update(buffer)
        checksum?.update(buffer)
        byteCount += Int64(buffer.count)
    }

    /// The final values; call once.
    func finish() -> Results {
        Results(
            md5: md5?.finalize() ?? [], sha256Hex: sha256?.finalizeHex(), checksumBase64: checksum?.finalizeBase64(),
            byteCount: byteCount)
    }

    /// What `finish` computed.
    struct Results {
        let md5: [UInt8]
        let sha256Hex: String?
        let checksumBase64: String?
        let byteCount: Int64
        var md5Hex: String { Hex.encode(md5) }
        var md5Base64: String { Base64.encode(md5) }
    }
}
