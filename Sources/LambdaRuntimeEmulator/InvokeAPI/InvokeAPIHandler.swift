import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Serves Invoke (`POST /2015-03-31/functions/{name}/invocations`) from the connection's channel pipeline, in
/// front of the Invoke API's router, which gets every other request. An invoke is the one request a client
/// sends thousands of times a second, and the router's async bridge (a request-part sequence, a routing task,
/// body collection by async iteration and a response writer) cost as much as the rest of the invoke's path in
/// the emulator: here the body is gathered on the event loop, one task runs the invocation and the answer is
/// written back on the event loop. NIO's pipelining handler, ahead of this one, holds a connection's next
/// request until the current response has ended, so answers never overtake each other.
final class InvokeAPIHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private static let prefix = "/2015-03-31/functions/"
    private static let suffix = "/invocations"

    private let emulator: LambdaEmulator
    /// The invoke being received, nil while a request passes through to the router.
    private var request: InvokeOperation.Request?
    private var closeAfterAnswer = false
    /// The body kept so far (up to the invocation type's limit) and the bytes received in all.
    private var body: ByteBuffer?
    private var received = 0

    init(emulator: LambdaEmulator) {
        self.emulator = emulator
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard head.method == .post, let (function, qualifier) = Self.invokeTarget(head.path ?? "") else {
                request = nil
                return context.fireChannelRead(data)
            }
            request = InvokeOperation.Request(function: function, qualifier: qualifier, headers: head.headerFields)
            closeAfterAnswer = head.headerFields[.connection]?.lowercased() == "close"
            body = nil
            received = 0
        case .body(let buffer):
            guard let request else { return context.fireChannelRead(data) }
            received += buffer.readableBytes
            keep(buffer, limit: request.bodyLimit)
        case .end:
            guard let request else { return context.fireChannelRead(data) }
            self.request = nil
            run(request, context: context)
        }
    }

    /// Keeps the start of a body up to `limit` bytes (the rest is only counted).
    private func keep(_ buffer: ByteBuffer, limit: Int) {
        let kept = body?.readableBytes ?? 0
        guard kept < limit else { return }
        var buffer = buffer
        guard let slice = buffer.readSlice(length: min(buffer.readableBytes, limit - kept)) else { return }
        if body == nil {
            body = slice
        } else {
            body!.writeImmutableBuffer(slice)
        }
    }

    private func run(_ request: InvokeOperation.Request, context: ChannelHandlerContext) {
        let payload = body.map { Array($0.readableBytesView) } ?? []
        body = nil
        Self.start(
            request, payload: payload, total: received, close: closeAfterAnswer, emulator: emulator,
            context: context.loopBound)
    }

    private static func start(
        _ request: InvokeOperation.Request, payload: [UInt8], total: Int, close: Bool, emulator: LambdaEmulator,
        context: NIOLoopBound<ChannelHandlerContext>
    ) {
        Task {
            let answer = await InvokeOperation.answer(request, body: payload, total: total, emulator: emulator)
            context.eventLoop.execute { write(answer, close: close, context: context.value) }
        }
    }

    private static func write(_ answer: InvokeOperation.Answer, close: Bool, context: ChannelHandlerContext) {
        var headers = answer.headers
        headers[.contentLength] = String(answer.body.count)
        if close { headers[.connection] = "close" }
        let head = HTTPResponse(status: answer.status, headerFields: headers)
        context.write(NIOAny(HTTPResponsePart.head(head)), promise: nil)
        if !answer.body.isEmpty {
            var buffer = context.channel.allocator.buffer(capacity: answer.body.count)
            buffer.writeBytes(answer.body)
            context.write(NIOAny(HTTPResponsePart.body(buffer)), promise: nil)
        }
        let ended = context.writeAndFlush(NIOAny(HTTPResponsePart.end(nil)))
        if close {
            let bound = context.loopBound
            ended.whenComplete { _ in bound.value.close(promise: nil) }
        }
    }

    /// The function name (percent-decoded) and `Qualifier` of an invoke path, nil for any other path.
    static func invokeTarget(_ target: String) -> (function: String, qualifier: String?)? {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts[0]
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else {
            return nil
        }
        let name = path.dropFirst(prefix.count).dropLast(suffix.count)
        guard !name.contains("/") else { return nil }
        let qualifier = parts.count > 1 ? queryValue("Qualifier", in: parts[1]) : nil
        return (decoded(name), qualifier)
    }

    /// The first value of `name` in a query string, percent-decoded.
    private static func queryValue(_ name: String, in query: Substring) -> String? {
        for pair in query.split(separator: "&") {
            let field = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if decoded(field[0]) == name { return field.count > 1 ? decoded(field[1]) : "" }
        }
        return nil
    }

    private static func decoded(_ text: Substring) -> String {
        text.contains("%") ? text.removingPercentEncoding ?? String(text) : String(text)
    }
}
