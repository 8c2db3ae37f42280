import Foundation
import NIOCore
import NIOHTTP1

/// What `/echo` reports about the request it received.
struct EchoReport: Codable {
    var method: String
    var uri: String
    var headers: [[String]]
    var bodyBase64: String

    var body: [UInt8] { Array(Data(base64Encoded: bodyBase64) ?? Data()) }

    /// Every value the request carried for `name` (case-insensitive).
    func values(_ name: String) -> [String] {
        headers.filter { $0.first?.lowercased() == name.lowercased() }.compactMap { $0.last }
    }
}

/// What `/upload` reports about the body it consumed.
struct UploadReport: Codable {
    var length: Int
    var sha256: String
}

/// Serves the test routes of `TestServer` on one connection.
final class TestServerHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let stats: ServerStats
    private var head: HTTPRequestHead?
    private var echoBody: [UInt8] = []
    private var uploadHasher: SHA256Hasher?

    init(stats: ServerStats) { self.stats = stats }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            echoBody = []
            let path = URLComponents(string: head.uri)?.path ?? head.uri
            uploadHasher = path == "/upload" ? SHA256Hasher() : nil
            stats.requestReceived(path: path)
        case .body(let buffer):
            if let uploadHasher {
                buffer.withUnsafeReadableBytes { uploadHasher.update($0) }
            } else {
                echoBody.append(contentsOf: buffer.readableBytesView)
            }
        case .end:
            guard let head else { return }
            route(head, context: context)
        }
    }

    private func route(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let components = URLComponents(string: head.uri)
        let path = components?.path ?? head.uri
        let query = { (name: String) in Int(components?.queryItems?.first { $0.name == name }?.value ?? "") ?? 0 }
        switch path {
        case "/echo":
            let report = EchoReport(
                method: head.method.rawValue, uri: head.uri, headers: head.headers.map { [$0.name, $0.value] },
                bodyBase64: Data(echoBody).base64EncodedString())
            send(context, body: Array((try? JSONEncoder().encode(report)) ?? Data()), type: "application/json")
        case let path where path.hasPrefix("/status/"):
            let code = Int(path.dropFirst("/status/".count)) ?? 500
            send(context, status: HTTPResponseStatus(statusCode: code), body: Array("status \(code)".utf8))
        case "/headers":
            send(context, extraHeaders: [("Set-Cookie", "a=1"), ("X-Mixed-Case", "Value"), ("Set-Cookie", "b=2")])
        case "/large":
            streamPattern(context, total: query("bytes"))
        case "/upload":
            let report = UploadReport(length: uploadHasher?.byteCount ?? 0, sha256: uploadHasher?.finalize() ?? "")
            send(context, body: Array((try? JSONEncoder().encode(report)) ?? Data()), type: "application/json")
        case "/delay":
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(query("ms")))) {
                self.send(context, body: Array("slow".utf8))
            }
        case "/hold":
            answerWhenReleased(context)
        case "/redirect":
            let target = components?.queryItems?.first { $0.name == "to" }?.value ?? "/echo"
            send(context, status: HTTPResponseStatus(statusCode: query("code")), extraHeaders: [("Location", target)])
        case "/close":
            send(context, body: Array("bye".utf8), close: true)
        case "/gzip-bomb":
            // 20 KB on the wire, 20 MB once decoded.
            send(
                context, extraHeaders: [("Content-Encoding", "gzip")], body: Self.gzipBomb,
                type: "application/octet-stream")
        default:
            send(context, status: .notFound, body: Array("no route \(path)".utf8))
        }
    }

    static let gzipBomb: [UInt8] = {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/zeros-20MB.gz")
        // A missing fixture is a broken checkout; the bomb test then fails on an empty body.
        return (try? [UInt8](Data(contentsOf: fixture))) ?? []
    }()

    /// Answers `/hold` once the test has released it, checking every 5 ms on the channel's event loop.
    private func answerWhenReleased(_ context: ChannelHandlerContext) {
        guard stats.holdsReleased else {
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(5)) { self.answerWhenReleased(context) }
            return
        }
        send(context, body: Array("slow".utf8))
    }

    private func send(
        _ context: ChannelHandlerContext, status: HTTPResponseStatus = .ok, extraHeaders: [(String, String)] = [],
        body: [UInt8] = Array("ok".utf8), type: String = "text/plain", close: Bool = false
    ) {
        var headers = HTTPHeaders(extraHeaders)
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: "\(body.count)")
        if close { headers.add(name: "Connection", value: "close") }
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if head?.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        }
        let ended = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if close { ended.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
    }

    /// Writes the next piece only once the previous one reached the socket, so memory stays flat.
    private func streamPattern(_ context: ChannelHandlerContext, total: Int) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Length", value: "\(total)")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        writePiece(context, offset: 0, total: total)
    }

    private func writePiece(_ context: ChannelHandlerContext, offset: Int, total: Int) {
        guard offset < total else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        let count = min(PatternBody.maximumChunk, total - offset)
        let piece = PatternBody.slice(at: offset, length: count)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(piece)))).assumeIsolated().whenSuccess {
            self.writePiece(context, offset: offset + count, total: total)
        }
    }
}
