#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Receives the response body from libcurl's write callback and sends it where the caller asked.
final class ResponseBodySink {
    private let destination: HTTPResponseDestination
    /// The body kept in memory: all of it for `.memory`, a non-2xx body (capped) otherwise.
    private(set) var memory: [UInt8] = []
    private var descriptor: Int32 = -1
    /// Decided at the first chunk: whether this body goes to the destination or is an error body.
    private var routesToDestination: Bool?

    /// The most bytes `.memory` keeps (decoded bytes: curl hands this sink the body after decompression).
    private let memoryLimit: Int?

    init(_ destination: HTTPResponseDestination, memoryLimit: Int?) {
        self.destination = destination
        self.memoryLimit = memoryLimit
    }

    /// Takes one chunk of the body of a response with `status`.
    func write(_ chunk: UnsafeRawBufferPointer, status: Int) -> HTTPClientError? {
        let toDestination = routesToDestination ?? (200..<300).contains(status)
        routesToDestination = toDestination
        switch destination {
        case .memory:
            if let memoryLimit, memory.count + chunk.count > memoryLimit {
                return .responseTooLarge(limit: memoryLimit)
            }
            memory.append(contentsOf: chunk)
        case .file(let path) where toDestination:
            return writeToFile(chunk, path: path)
        case .stream(let handler) where toDestination:
            do { try handler(chunk) } catch { return .bodyHandlerFailed(String(describing: error)) }
        case .file, .stream:
            let room = HTTPResponse.maximumErrorBodyBytes - memory.count
            if room > 0 { memory.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk.prefix(room))) }
        }
        return nil
    }

    /// Ends a successful transfer: an empty 2xx body still creates its (empty) file.
    func finish(status: Int) -> HTTPClientError? {
        if case .file(let path) = destination, (200..<300).contains(status), descriptor < 0 {
            if let error = openFile(path) { return error }
        }
        return closeFile()
    }

    /// Ends a failed transfer: a partly written file is removed.
    func abandon() {
        _ = closeFile()
        if case .file(let path) = destination, routesToDestination == true { unlink(path) }
    }

    private func writeToFile(_ chunk: UnsafeRawBufferPointer, path: String) -> HTTPClientError? {
        if descriptor < 0, let error = openFile(path) { return error }
        var rest = chunk
        while let base = rest.baseAddress, !rest.isEmpty {
            let written = systemWrite(descriptor, base, rest.count)
            if written < 0 {
                if errno == EINTR { continue }
                return .fileError(path: path, reason: RequestBodySource.lastErrorText())
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[written...])
        }
        return nil
    }

    private func openFile(_ path: String) -> HTTPClientError? {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        return descriptor < 0 ? .fileError(path: path, reason: RequestBodySource.lastErrorText()) : nil
    }

    private func closeFile() -> HTTPClientError? {
        guard descriptor >= 0 else { return nil }
        let result = systemClose(descriptor)
        descriptor = -1
        if result != 0, case .file(let path) = destination {
            return .fileError(path: path, reason: RequestBodySource.lastErrorText())
        }
        return nil
    }
}
