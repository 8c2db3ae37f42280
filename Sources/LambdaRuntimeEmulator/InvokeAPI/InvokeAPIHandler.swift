import BuildingBlocks
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Serves Invoke (`POST /2015-03-31/functions/{name}/invocations`) from the connection's channel pipeline, in
/// front of the Invoke API's router, which gets every other request. An invoke is the one request a client
/// sends thousands of times a second, and the router's async bridge (a request-part sequence, a routing task,
/// body collection by async iteration and a response writer) cost as much as the rest of the invoke's path in
/// the emulator: here the body is gathered on the event loop, one task runs the invocation and the answer is
/// written back on the event loop.
///
/// HTTP/1.1 answers go out in the order of the requests, so a request that arrives while an earlier one is
/// still unanswered (pipelining) is held, and reading stops, until that answer has ended: this handler's own,
/// or the router's, whose response ends pass through here on their way out.
final class InvokeAPIHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private static let prefix = "/2015-03-31/functions/"
    private static let suffix = "/invocations"

    private let emulator: LambdaEmulator
    /// The invoke being received, nil while a request passes through to the router.
    private var request: InvokeOperation.Request?
    private var closeAfterAnswer = false
    /// The body kept so far (up to the invocation type's limit) and the bytes received in all.
    private var body = CappedBody()
    /// Requests taken whose answers have not ended yet.
    private var unanswered = 0
    /// Parts of requests that came while an earlier answer was outstanding, in order.
    private var held = CircularBuffer<HTTPRequestPart>()
    /// Whether a read was asked for while requests were held (it is passed on once they are released).
    private var readDeferred = false
    /// Request ids without a system call each (the handler lives on one event loop, so no lock).
    private var identifiers = IdentifierGenerator()

    init(emulator: LambdaEmulator) {
        self.emulator = emulator
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if !held.isEmpty {
            held.append(part)
        } else if case .head = part, unanswered > 0 {
            held.append(part)
        } else {
            take(part, context: context)
        }
    }

    /// A response part from the router: when it ends an answer, the next held request may go.
    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let ends = if case .end = unwrapOutboundIn(data) { true } else { false }
        context.write(data, promise: promise)
        if ends { answerEnded(context: context) }
    }

    func read(context: ChannelHandlerContext) {
        guard held.isEmpty else {
            readDeferred = true
            return
        }
        context.read()
    }

    private func take(_ part: HTTPRequestPart, context: ChannelHandlerContext) {
        switch part {
        case .head(let head):
            unanswered += 1
            guard head.method == .post, let (function, qualifier) = Self.invokeTarget(head.path ?? "") else {
                request = nil
                return context.fireChannelRead(wrapInboundOut(part))
            }
            request = InvokeOperation.Request(function: function, qualifier: qualifier, headers: head.headerFields)
            closeAfterAnswer = head.headerFields[.connection]?.lowercased() == "close"
            body = CappedBody()
        case .body(let buffer):
            guard let request else { return context.fireChannelRead(wrapInboundOut(part)) }
            body.add(buffer, keepingAtMost: request.bodyLimit)
        case .end:
            guard let request else { return context.fireChannelRead(wrapInboundOut(part)) }
            self.request = nil
            run(request, context: context)
        }
    }

    /// An answer has ended: releases held requests up to the next one that must wait in turn.
    private func answerEnded(context: ChannelHandlerContext) {
        unanswered = max(0, unanswered - 1)
        var released = false
        while let part = held.first {
            if case .head = part, unanswered > 0 { break }
            held.removeFirst()
            take(part, context: context)
            released = true
        }
        // The router's side delivers what it was handed at the end of a read.
        if released { context.fireChannelReadComplete() }
        if held.isEmpty && readDeferred {
            readDeferred = false
            context.read()
        }
    }

    private func run(_ request: InvokeOperation.Request, context: ChannelHandlerContext) {
        let payload = body.bytes
        let total = body.received
        body = CappedBody()
        let requestID = LambdaRequestID.make(using: &identifiers)
        let close = closeAfterAnswer
        let emulator = self.emulator
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        Task {
            let answer = await InvokeOperation.answer(
                request, requestID: requestID, body: payload, total: total, emulator: emulator)
            bound.eventLoop.execute {
                bound.value.handler.write(answer, close: close, context: bound.value.context)
            }
        }
    }

    private func write(_ answer: InvokeOperation.Answer, close: Bool, context: ChannelHandlerContext) {
        var headers = answer.headers
        headers[.contentLength] = String(answer.body.count)
        if close { headers[.connection] = "close" }
        let head = HTTPResponse(status: answer.status, headerFields: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !answer.body.isEmpty {
            var buffer = context.channel.allocator.buffer(capacity: answer.body.count)
            buffer.writeBytes(answer.body)
            context.write(wrapOutboundOut(.body(buffer)), promise: nil)
        }
        let ended = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if close {
            let channel = context.channel
            ended.whenComplete { _ in channel.close(promise: nil) }
        } else {
            answerEnded(context: context)
        }
    }

    /// The function name (percent-decoded) and `Qualifier` of an invoke path, nil for any other path.
    static func invokeTarget(_ target: String) -> (function: String, qualifier: String?)? {
        // On UTF-8 bytes: the path's separators are ASCII, and this runs for every request.
        let bytes = target.utf8
        let queryStart = bytes.firstIndex(of: UInt8(ascii: "?"))
        let path = bytes[..<(queryStart ?? bytes.endIndex)]
        guard path.count > prefixBytes.count + suffixBytes.count, path.starts(with: prefixBytes),
            path.reversed().starts(with: suffixBytes.reversed())
        else { return nil }
        let name = path.dropFirst(prefixBytes.count).dropLast(suffixBytes.count)
        guard !name.contains(UInt8(ascii: "/")) else { return nil }
        let qualifier = queryStart.map { queryValue("Qualifier", in: target[bytes.index(after: $0)...]) } ?? nil
        return (decoded(Substring(name)), qualifier)
    }

    private static let prefixBytes = Array(prefix.utf8)
    private static let suffixBytes = Array(suffix.utf8)

    /// The first value of `name` in a query string, percent-decoded.
    private static func queryValue(_ name: String, in query: Substring) -> String? {
        for pair in query.split(separator: "&") {
            let field = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if decoded(field[0]) == name { return field.count > 1 ? decoded(field[1]) : "" }
        }
        return nil
    }

    private static func decoded(_ text: Substring) -> String {
        text.contains("%") ? PercentEncoding.decode(text) ?? String(text) : String(text)
    }
}
