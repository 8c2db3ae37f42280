#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file piece by piece, so a large upload is never held in memory whole.
enum FileChunks {
    /// Passes each chunk of the file at `path` (up to `chunkSize` bytes) to `body`, in order.
    /// False when the file cannot be opened or read.
    static func forEachChunk(
        of path: String, chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { _ = close(descriptor) }  // read-only: closing cannot lose data
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { return false }
        while true {
            let count = read(descriptor, base, chunkSize)
            if count == 0 { return true }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}
