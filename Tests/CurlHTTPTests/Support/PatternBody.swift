import NIOCore

/// A deterministic body of any length, served in O(1) slices: byte i depends on i modulo a prime period,
/// so chunks that went missing, repeated or out of order change the content.
enum PatternBody {
    static let period = 65_521
    static let maximumChunk = 256 * 1024
    static let base: [UInt8] = (0..<(period + maximumChunk)).map { index in
        let position = index % period
        return UInt8(truncatingIfNeeded: position &* 31 &+ position >> 7)
    }
    static let buffer = ByteBuffer(bytes: base)

    /// The bytes from `offset` to `offset + length` (length at most `maximumChunk`).
    static func slice(at offset: Int, length: Int) -> ByteBuffer {
        buffer.getSlice(at: offset % period, length: length) ?? ByteBuffer()
    }

    /// Calls `body` with consecutive pieces of the first `length` bytes.
    static func forEachPiece(length: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var offset = 0
        while offset < length {
            let count = min(maximumChunk, length - offset)
            let start = offset % period
            try base.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<(start + count)])) }
            offset += count
        }
    }

    /// SHA-256 (hex) of the first `length` bytes.
    static func sha256(length: Int) -> String {
        let hasher = SHA256Hasher()
        forEachPiece(length: length) { hasher.update($0) }
        return hasher.finalize()
    }
}
