import Hummingbird

/// Request bodies read whole, with a limit that still counts the bytes beyond it (for size errors).
enum RequestBodies {
    /// Reads the whole body, keeping at most `limit` bytes but counting all of them.
    static func collect(_ body: RequestBody, keepingAtMost limit: Int) async throws -> ([UInt8], Int) {
        var kept: [UInt8] = []
        var total = 0
        for try await buffer in body {
            total += buffer.readableBytes
            if kept.count < limit {
                kept.append(contentsOf: buffer.readableBytesView.prefix(limit - kept.count))
            }
        }
        return (kept, total)
    }
}
