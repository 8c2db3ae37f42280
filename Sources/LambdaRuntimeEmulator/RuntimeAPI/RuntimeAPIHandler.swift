import NIOCore
import NIOHTTP1

/// The Runtime API 2018-06-01 on one connection, as a SwiftNIO channel handler backed by the environment's
/// `RuntimeSession`. Everything runs on the connection's event loop: a `/response` is read, handed to the
/// session and answered there; a held `/next` is answered from whichever thread delivers the invocation, which
/// hands the write to the event loop. No task and no async sequence stand between the socket and the session.
final class RuntimeAPIHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The largest `/response` body accepted (6 MB as Lambda counts it).
    static let maximumResponseBytes = 6_291_556
    static let errorBodyLimit = 1 << 20
    /// The largest streamed response (200 MB).
    static let maximumStreamedBytes = 200 * 1024 * 1024

    /// What the request in progress asks for, decided from its head.
    private enum Route {
        case next
        case response(requestID: String)
        /// A streamed `/response` whose caller streams too: each body part goes on as it arrives.
        case streamedResponse(requestID: String, stream: ResponseStream)
        case error(requestID: String)
        case initError
        case ping
        case refused(RuntimeAPIError)
        case notFound
    }

    private let session: RuntimeSession
    private var head: HTTPRequestHead?
    private var route = Route.notFound
    /// The body kept so far (up to the route's limit) and the bytes received in all.
    private var body = CappedBody()
    private var received: Int { body.received }
    /// When a streamed response went over the uncapped part (its rate is limited from then on).
    private var overCapSince: ContinuousClock.Instant?

    init(session: RuntimeSession) {
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            route = Self.route(head, session: session)
            body = CappedBody()
            overCapSince = nil
            if case .streamedResponse(_, let stream) = route {
                stream.yield(.contentType(head.headers.first(name: "Content-Type") ?? "application/octet-stream"))
            }
        case .body(let buffer):
            switch route {
            case .streamedResponse(_, let stream):
                body.add(buffer, keepingAtMost: 0)
                if received <= Self.maximumStreamedBytes { stream.yield(.chunk(Array(buffer.readableBytesView))) }
                throttle(context)
            case .response: body.add(buffer, keepingAtMost: Self.maximumResponseBytes)
            case .error, .initError: body.add(buffer, keepingAtMost: Self.errorBodyLimit)
            case .next, .ping, .refused, .notFound: body.add(buffer, keepingAtMost: 0)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            // A streamed response over the cap ends no sooner than Lambda's rate allows, its last bytes included.
            let wait = if case .streamedResponse = route { bandwidthWait() } else { Duration.zero }
            guard wait > .zero else { return respond(to: head, context: context) }
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .nanoseconds(Self.nanoseconds(wait))) {
                bound.value.handler.respond(to: head, context: bound.value.context)
            }
        }
    }

    /// How long a streamed response must wait before taking more, by Lambda's bandwidth limit.
    private func bandwidthWait() -> Duration {
        guard received > StreamBandwidth.uncappedBytes else { return .zero }
        let since = overCapSince ?? .now
        overCapSince = since
        return StreamBandwidth.wait(total: received, elapsedOverCap: since.duration(to: .now))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    private var bodyBytes: [UInt8] { body.bytes }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let invocationID = head.headers.first(name: "Lambda-Runtime-Invocation-Id")
        let errorType = head.headers.first(name: "Lambda-Runtime-Function-Error-Type")
        switch route {
        case .next:
            let channel = context.loopBound
            let keepAlive = head.isKeepAlive
            session.next { result in
                // Called here when an invocation was waiting, else later from the thread that delivers one.
                if channel.eventLoop.inEventLoop {
                    Self.writeNext(result, context: channel.value, keepAlive: keepAlive)
                } else {
                    channel.eventLoop.execute { Self.writeNext(result, context: channel.value, keepAlive: keepAlive) }
                }
            }
        case .response(let requestID):
            let contentType = head.headers.first(name: "Content-Type") ?? "application/json"
            let tooLarge = received > Self.maximumResponseBytes
            answer(
                requestID: requestID, invocationID: invocationID,
                outcome: tooLarge
                    ? .responseTooLarge(bytes: received) : .response(body: bodyBytes, contentType: contentType),
                thenRefuse: tooLarge ? .payloadTooLarge(limit: Self.maximumResponseBytes) : nil, head: head,
                context: context)
        case .streamedResponse(let requestID, _):
            let contentType = head.headers.first(name: "Content-Type") ?? "application/octet-stream"
            let outcome: RuntimeOutcome =
                received > Self.maximumStreamedBytes
                ? .responseTooLarge(bytes: received) : .response(body: [], contentType: contentType)
            answer(requestID: requestID, invocationID: invocationID, outcome: outcome, head: head, context: context)
        case .error(let requestID):
            let document = ErrorDocument.normalise(bodyBytes, headerType: errorType)
            answer(
                requestID: requestID, invocationID: invocationID, outcome: .functionError(body: document), head: head,
                context: context)
        case .initError:
            let document = ErrorDocument.normalise(bodyBytes, headerType: errorType)
            if case .failure(let error) = session.initError(body: document) {
                Self.write(error, context: context, keepAlive: head.isKeepAlive)
            } else {
                Self.writeAccepted(context: context, keepAlive: head.isKeepAlive)
            }
        case .ping:
            var buffer = context.channel.allocator.buffer(capacity: 4)
            buffer.writeString("pong")
            Self.write(
                status: .ok, contentType: "text/plain", body: buffer, context: context, keepAlive: head.isKeepAlive)
        case .refused(let error):
            Self.write(error, context: context, keepAlive: head.isKeepAlive)
        case .notFound:
            Self.write(
                status: .notFound, contentType: nil, body: context.channel.allocator.buffer(capacity: 0),
                context: context, keepAlive: head.isKeepAlive)
        }
    }

    /// Hands the outcome to the session and answers 202, the session's refusal, or `thenRefuse` (an outcome
    /// the session took but the runtime is told off for, such as an oversized body).
    private func answer(
        requestID: String, invocationID: String?, outcome: RuntimeOutcome, thenRefuse: RuntimeAPIError? = nil,
        head: HTTPRequestHead, context: ChannelHandlerContext
    ) {
        let result = session.answer(requestID: requestID, invocationID: invocationID, outcome: outcome)
        if case .failure(let error) = result {
            Self.write(error, context: context, keepAlive: head.isKeepAlive)
        } else if let thenRefuse {
            Self.write(thenRefuse, context: context, keepAlive: head.isKeepAlive)
        } else {
            Self.writeAccepted(context: context, keepAlive: head.isKeepAlive)
        }
    }

    /// Past the uncapped part of a streamed response, stops reading for as long as Lambda's 2 MB/s allows
    /// (which holds the runtime back too); parts already read still arrive meanwhile.
    private func throttle(_ context: ChannelHandlerContext) {
        let wait = bandwidthWait()
        guard wait > .zero, let options = context.channel.syncOptions else { return }
        try? options.setOption(.autoRead, value: false)  // a socket channel always takes it
        let bound = context.loopBound
        context.eventLoop.scheduleTask(in: .nanoseconds(Self.nanoseconds(wait))) {
            try? bound.value.channel.syncOptions?.setOption(.autoRead, value: true)  // as above
            bound.value.read()
        }
    }

    // MARK: Routing

    private static let pingPath = Array("/2018-06-01/ping".utf8)
    private static let basePath = Array("/2018-06-01/runtime/".utf8)
    private static let nextPath = Array("invocation/next".utf8)
    private static let initErrorPath = Array("init/error".utf8)
    private static let invocationPrefix = Array("invocation/".utf8)

    /// The route of a request target, read on UTF-8 bytes (every exchange of every invoke passes here).
    private static func route(_ head: HTTPRequestHead, session: RuntimeSession) -> Route {
        let target = head.uri.utf8
        let path = target[..<(target.firstIndex(of: UInt8(ascii: "?")) ?? target.endIndex)]
        if head.method == .GET && path.elementsEqual(pingPath) { return .ping }
        guard path.starts(with: basePath) else { return .notFound }
        let rest = path.dropFirst(basePath.count)
        switch head.method {
        case .GET where rest.elementsEqual(nextPath):
            return .next
        case .POST where rest.elementsEqual(initErrorPath):
            return .initError
        case .POST where rest.starts(with: invocationPrefix):
            // `invocation/{id}/error` or `invocation/{id}/response`, the id not empty.
            let tail = rest.dropFirst(invocationPrefix.count)
            guard let slash = tail.firstIndex(of: UInt8(ascii: "/")), slash != tail.startIndex else {
                return .notFound
            }
            let requestID = String(Substring(tail[..<slash]))
            let action = tail[tail.index(after: slash)...]
            if action.elementsEqual("error".utf8) { return .error(requestID: requestID) }
            guard action.elementsEqual("response".utf8) else { return .notFound }
            guard let mode = head.headers.first(name: "Lambda-Runtime-Function-Response-Mode") else {
                return .response(requestID: requestID)
            }
            guard mode == "streaming" else { return .refused(.invalidResponseMode(mode)) }
            if let stream = session.responseStream(requestID: requestID) {
                return .streamedResponse(requestID: requestID, stream: stream)
            }
            return .response(requestID: requestID)
        default:
            return .notFound
        }
    }

    // MARK: Writing

    private static func writeNext(
        _ result: RuntimeSession.NextResult, context: ChannelHandlerContext, keepAlive: Bool
    ) {
        switch result {
        case .refused(let error):
            write(error, context: context, keepAlive: keepAlive)
        case .invocation(let invocation):
            var headers = HTTPHeaders()
            headers.reserveCapacity(10)
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Lambda-Runtime-Aws-Request-Id", value: invocation.requestID)
            headers.add(name: "Lambda-Runtime-Deadline-Ms", value: String(invocation.deadlineMilliseconds))
            headers.add(name: "Lambda-Runtime-Invoked-Function-Arn", value: invocation.functionARN)
            headers.add(name: "Lambda-Runtime-Trace-Id", value: invocation.traceID)
            headers.add(name: "Lambda-Runtime-Invocation-Id", value: invocation.invocationID)
            if let clientContext = invocation.clientContext {
                headers.add(name: "Lambda-Runtime-Client-Context", value: clientContext)
            }
            if let cognito = invocation.cognitoIdentity {
                headers.add(name: "Lambda-Runtime-Cognito-Identity", value: cognito)
            }
            if let tenant = invocation.tenantID { headers.add(name: "Lambda-Runtime-Aws-Tenant-Id", value: tenant) }
            var body = context.channel.allocator.buffer(capacity: invocation.payload.count)
            body.writeBytes(invocation.payload)
            write(status: .ok, headers: headers, body: body, context: context, keepAlive: keepAlive)
        }
    }

    private static let acceptedBody = ByteBuffer(string: #"{"status":"OK"}"#)

    private static func writeAccepted(context: ChannelHandlerContext, keepAlive: Bool) {
        write(
            status: .accepted, contentType: "application/json", body: acceptedBody, context: context,
            keepAlive: keepAlive)
    }

    private static func write(_ error: RuntimeAPIError, context: ChannelHandlerContext, keepAlive: Bool) {
        write(
            status: HTTPResponseStatus(statusCode: error.status), contentType: "application/json",
            body: ByteBuffer(bytes: error.body), context: context, keepAlive: keepAlive)
    }

    private static func write(
        status: HTTPResponseStatus, contentType: String?, body: ByteBuffer, context: ChannelHandlerContext,
        keepAlive: Bool
    ) {
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        write(status: status, headers: headers, body: body, context: context, keepAlive: keepAlive)
    }

    /// One response: head with its length, body, end; the connection closes after it unless kept alive.
    private static func write(
        status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer, context: ChannelHandlerContext,
        keepAlive: Bool
    ) {
        var headers = headers
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(body))), promise: nil)
        guard !keepAlive else { return context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil) }
        let channel = context.channel
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
