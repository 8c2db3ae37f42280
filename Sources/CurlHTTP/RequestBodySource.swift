#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Feeds a request body to libcurl's read callback: from memory, or from an open file in pieces.
final class RequestBodySource {
    private enum Storage {
        case bytes([UInt8])
        case data(Data)
        case file(descriptor: Int32, path: String)
    }

    private let storage: Storage
    /// Sent as `Content-Length`.
    let length: Int
    private var offset = 0

    /// Opens a file body at once, so a missing or unreadable file fails before anything is sent.
    init(_ body: HTTPRequestBody) throws(HTTPClientError) {
        switch body {
        case .none:
            storage = .bytes([])
            length = 0
        case .bytes(let bytes):
            storage = .bytes(bytes)
            length = bytes.count
        case .data(let data):
            storage = .data(data)
            length = data.count
        case .file(let path):
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .fileError(path: path, reason: Self.lastErrorText()) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                _ = systemClose(descriptor)
                throw .fileError(path: path, reason: "not a readable regular file")
            }
            storage = .file(descriptor: descriptor, path: path)
            length = Int(info.st_size)
        }
    }

    /// Copies the next bytes into `buffer`; returns how many (0 at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, HTTPClientError> {
        switch storage {
        case .bytes(let bytes):
            return .success(bytes.withUnsafeBytes { copyNext(from: $0, into: buffer) })
        case .data(let data):
            return .success(data.withUnsafeBytes { copyNext(from: $0, into: buffer) })
        case .file(let descriptor, let path):
            // Never send more than the announced Content-Length, even if the file grew meanwhile.
            let wanted = min(buffer.count, length - offset)
            guard wanted > 0, let base = buffer.baseAddress else { return .success(0) }
            while true {
                let count = systemRead(descriptor, base, wanted)
                if count >= 0 {
                    guard count > 0 else {
                        return .failure(.fileError(path: path, reason: "file shrank while it was being sent"))
                    }
                    offset += count
                    return .success(count)
                }
                if errno != EINTR { return .failure(.fileError(path: path, reason: Self.lastErrorText())) }
            }
        }
    }

    /// Moves back to `position` (from the start) so curl can send the body again: after a redirect that
    /// keeps the method, or when a reused connection turned out dead. False if `position` is out of range.
    func rewind(to position: Int) -> Bool {
        guard (0...length).contains(position) else { return false }
        if case .file(let descriptor, _) = storage, lseek(descriptor, off_t(position), SEEK_SET) < 0 { return false }
        offset = position
        return true
    }

    /// Closes the file, if any. Called once, when the transfer ends.
    func close() {
        if case .file(let descriptor, _) = storage { _ = systemClose(descriptor) }
    }

    private func copyNext(from source: UnsafeRawBufferPointer, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, source.count - offset)
        guard count > 0, let from = source.baseAddress, let to = buffer.baseAddress else { return 0 }
        to.copyMemory(from: from + offset, byteCount: count)
        offset += count
        return count
    }

    static func lastErrorText() -> String { String(cString: strerror(errno)) }
}
