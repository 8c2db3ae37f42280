#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// One streamed `/response`: an HTTP/1.1 chunked POST on its own connection (libcurl cannot send a body whose
/// parts are not known yet), opened on the first write so an error before any byte can still go to `/error`.
/// Each chunk is sent as it is written (TCP_NODELAY); error trailers end a failed stream.
actor StreamedResponse: LambdaResponseStreamWriter {
    private let address: String
    private let metadata: InvocationMetadata
    private var contentType = "application/octet-stream"
    private var socket: Int32 = -1
    /// Whether the POST has started (its headers are sent).
    private(set) var started = false
    private var finished = false

    init(address: String, metadata: InvocationMetadata) {
        self.address = address
        self.metadata = metadata
    }

    deinit {
        if socket >= 0 { close(socket) }
    }

    func setContentType(_ contentType: String) throws(LambdaStreamError) {
        guard !started else { throw .alreadyStarted }
        self.contentType = contentType
    }

    func write(_ bytes: [UInt8]) throws {
        guard !finished else { throw LambdaStreamError.alreadyFinished }
        try open()
        guard !bytes.isEmpty else { return }
        try send(Array("\(String(bytes.count, radix: 16))\r\n".utf8) + bytes + Array("\r\n".utf8))
    }

    func finish() throws {
        guard !finished else { return }
        try open()
        finished = true
        try send(Array("0\r\n\r\n".utf8))
        try readStatus()
    }

    /// Ends a started stream with `Lambda-Runtime-Function-Error-Type` / `-Body` (base64 of the error JSON).
    func fail(_ error: LambdaErrorBody) throws {
        guard !finished else { return }
        try open()
        finished = true
        var trailer = "0\r\n\(RuntimeHeader.functionErrorType): \(error.errorType)\r\n"
        trailer += "Lambda-Runtime-Function-Error-Body: \(Data(error.jsonBytes).base64EncodedString())\r\n\r\n"
        try send(Array(trailer.utf8))
        try readStatus()
    }

    private var path: String { "/2018-06-01/runtime/invocation/\(metadata.requestID)/response" }

    private func open() throws {
        guard !started else { return }
        started = true
        socket = try Self.connect(to: address)
        var head = "POST \(path) HTTP/1.1\r\nHost: \(address)\r\nUser-Agent: swift-lambda-curl/1.0\r\n"
        head += "Content-Type: \(contentType)\r\n\(RuntimeHeader.responseMode): streaming\r\n"
        head += "Transfer-Encoding: chunked\r\n"
        head += "Trailer: \(RuntimeHeader.functionErrorType), Lambda-Runtime-Function-Error-Body\r\n"
        if let invocationID = metadata.invocationID { head += "\(RuntimeHeader.invocationID): \(invocationID)\r\n" }
        head += "Connection: close\r\n\r\n"
        try send(Array(head.utf8))
    }

    private func send(_ bytes: [UInt8]) throws(LambdaRuntimeError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + offset, $0.count - offset, 0) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw .transport("streaming \(path): \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    /// Reads the status line of the Runtime API's answer; anything but 202 is an error.
    private func readStatus() throws(LambdaRuntimeError) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.firstRange(of: Array("\r\n".utf8)) == nil && received.count < 8192 {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .transport("streaming \(path): connection closed before the answer") }
            received += buffer[0..<count]
        }
        close(socket)
        socket = -1
        let statusLine = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        guard status == 202 else {
            throw .unexpectedStatus(path: path, status: status, body: String(decoding: received, as: UTF8.self))
        }
    }

    /// A connected TCP socket to `host:port`, with Nagle's algorithm off so each chunk leaves at once.
    private static func connect(to address: String) throws(LambdaRuntimeError) -> Int32 {
        guard let colon = address.lastIndex(of: ":") else { throw .missingRuntimeAPIAddress }
        let host = String(address[..<colon])
        let port = String(address[address.index(after: colon)...])
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, port, &hints, &results) == 0, let first = results else {
            throw .transport("cannot resolve \(address)")
        }
        defer { freeaddrinfo(results) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let candidate = entry {
            let descriptor = Glibc.socket(candidate.pointee.ai_family, candidate.pointee.ai_socktype, 0)
            if descriptor >= 0 {
                if Glibc.connect(descriptor, candidate.pointee.ai_addr, candidate.pointee.ai_addrlen) == 0 {
                    var on: Int32 = 1
                    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                    return descriptor
                }
                close(descriptor)
            }
            entry = candidate.pointee.ai_next
        }
        throw .transport("cannot connect to \(address): \(String(cString: strerror(errno)))")
    }
}
