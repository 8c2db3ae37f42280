import CurlHTTP
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A one-request HTTP server on an ephemeral loopback port, on its own thread: it records the request
/// head and answers with a fixed response.
final class OneShotServer: @unchecked Sendable {
    let port: UInt16
    private let lock = NSLock()
    private var head = ""
    private let done = DispatchSemaphore(value: 0)

    init(response: String) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        guard bound == 0, listen(listener, 1) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in
            let client = accept(listener, nil, nil)
            var received = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
                let count = read(client, &buffer, buffer.count)
                if count <= 0 { break }
                received += buffer[0..<count]
            }
            lock.withLock { head = String(decoding: received, as: UTF8.self) }
            let bytes = Array(response.utf8)
            _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, bytes.count) }
            close(client)
            close(listener)
            done.signal()
        }
    }

    /// The request head once the exchange is over.
    func requestHead() -> String {
        done.wait()
        return lock.withLock { head }
    }
}

@Suite struct CurlPageFetcherTests {
    @Test func fetchesStatusHeadersAndBodyAndSendsTheBoardHeaders() async throws {
        let body = "<html><body>hei</body></html>"
        let server = try OneShotServer(
            response: "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n\(body)")
        let fetcher = CurlPageFetcher(client: try HTTPClient())
        let response = try await fetcher.fetch(
            PageRequest(
                url: "http://127.0.0.1:\(server.port)/tyopaikat/haku/python?sivu=1",
                headers: [HeaderField("Accept-Language", "fi-FI")]))
        #expect(response.status == 429)
        #expect(response.headers["retry-after"] == "3")
        #expect(String(decoding: response.body, as: UTF8.self) == body)
        let head = server.requestHead()
        #expect(head.hasPrefix("GET /tyopaikat/haku/python?sivu=1 HTTP/1.1\r\n"))
        #expect(head.contains("Accept-Language: fi-FI\r\n"))
    }
}
