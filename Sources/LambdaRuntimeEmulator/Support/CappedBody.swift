import NIOCore

/// A request body received in parts: its start, up to a limit, and how many bytes arrived in all (what goes
/// past the limit is only counted, so an oversized body can be refused with its size without being held).
struct CappedBody {
    private var kept: ByteBuffer?
    /// Every byte received, kept or not.
    private(set) var received = 0

    /// Counts `buffer` and keeps as much of it as fits under `limit` (0: count only).
    mutating func add(_ buffer: ByteBuffer, keepingAtMost limit: Int) {
        received += buffer.readableBytes
        let keptCount = kept?.readableBytes ?? 0
        guard keptCount < limit else { return }
        var buffer = buffer
        guard let slice = buffer.readSlice(length: min(buffer.readableBytes, limit - keptCount)) else { return }
        if kept == nil {
            kept = slice
        } else {
            kept!.writeImmutableBuffer(slice)
        }
    }

    /// The kept bytes.
    var bytes: [UInt8] { kept.map { Array($0.readableBytesView) } ?? [] }
}
