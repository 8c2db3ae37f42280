/// An incremental CRC32 (IEEE, as zlib, S3 `x-amz-checksum-crc32` and DynamoDB `x-amz-crc32` use) or
/// CRC32C (Castagnoli, S3 `x-amz-checksum-crc32c`).
public struct Checksum: Sendable, Hashable {
    /// Which 32-bit CRC to compute.
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case crc32 = "CRC32"
        case crc32c = "CRC32C"

        /// The S3 header carrying this checksum, e.g. `x-amz-checksum-crc32`.
        public var s3HeaderName: String { "x-amz-checksum-\(rawValue.lowercased())" }

        var table: CRCTable {
            switch self {
            case .crc32: return Checksum.crc32Table
            case .crc32c: return Checksum.crc32cTable
            }
        }
    }

    static let crc32Table = CRCTable(reflectedPolynomial: 0xEDB8_8320)
    static let crc32cTable = CRCTable(reflectedPolynomial: 0x82F6_3B78)

    /// The algorithm being computed.
    public let algorithm: Algorithm
    private var register: UInt32 = 0xFFFF_FFFF

    /// Starts a checksum of no bytes.
    public init(_ algorithm: Algorithm) {
        self.algorithm = algorithm
    }

    /// Adds bytes to the checksum.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        let table = algorithm.table
        let current = register
        if let updated = bytes.withContiguousStorageIfAvailable({
            table.update(current, UnsafeRawBufferPointer($0))
        }) {
            register = updated
        } else {
            register = Array(bytes).withUnsafeBytes { table.update(current, $0) }
        }
    }

    /// Adds the bytes of a raw buffer (for example a NIO `ByteBuffer`'s readable bytes) to the checksum.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        register = algorithm.table.update(register, buffer)
    }

    /// The CRC of everything added so far (the checksum stays usable for more updates).
    public var value: UInt32 { ~register }

    /// The CRC as 4 big-endian bytes, the order S3 base64-encodes.
    public var bigEndianBytes: [UInt8] {
        let crc = value
        return [UInt8(crc >> 24), UInt8((crc >> 16) & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8(crc & 0xFF)]
    }

    /// Base64 of the big-endian bytes: the value of an S3 `x-amz-checksum-crc32`/`-crc32c` header.
    public var base64: String { Base64.encode(bigEndianBytes) }

    /// CRC32 (IEEE) of `bytes`.
    public static func crc32(_ bytes: some Collection<UInt8>) -> UInt32 {
        var checksum = Checksum(.crc32)
        checksum.update(bytes)
        return checksum.value
    }

    /// CRC32C (Castagnoli) of `bytes`.
    public static func crc32c(_ bytes: some Collection<UInt8>) -> UInt32 {
        var checksum = Checksum(.crc32c)
        checksum.update(bytes)
        return checksum.value
    }
}
