import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes
import NIOPosix

/// The HTTP/1.1 front of LocalS3 on Hummingbird's core server: raw request targets (never normalised),
/// `100 Continue` answered at once, TCP_NODELAY, small responses written in one batch with their headers,
/// large bodies sent from the file by the kernel (`FileRegionBody`, else streamed in bounded chunks under
/// the channel's backpressure), keep-alive.
public struct S3HTTPServer: Sendable {
    /// Response bodies up to this size are read whole and written together with the headers.
    static let inlineBodyLimit: Int64 = 256 * 1024
    /// Chunk size when streaming larger bodies.
    static let streamChunk = 1 << 20

    public let service: S3Service
    public let host: String
    public let port: Int

    public init(service: S3Service, host: String = "127.0.0.1", port: Int = 9000) {
        self.service = service
        self.host = host
        self.port = port
    }

    /// Serves until the task is cancelled; `onReady` gets the bound port (useful with port 0).
    public func run(onReady: @escaping @Sendable (Int) async -> Void) async throws {
        let service = self.service
        let channel = HTTP1Channel(
            responder: { request, writer, channel in
                try await Self.respond(service: service, request: request, writer: writer, channel: channel)
            },
            configuration: .init(additionalChannelHandlers: [ConnectionOptionsHandler()]))
        let server = Server(
            childChannelSetup: channel,
            configuration: ServerConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: service.logger)
        try await withTaskCancellationHandler {
            try await server.run()
        } onCancel: {
            Task {
                do {
                    try await server.shutdownGracefully()
                } catch ChannelError.alreadyClosed {
                    // The cancelled `run` closed the listener first: it is shut, as asked.
                } catch {
                    service.logger.error("LocalS3 did not shut down cleanly", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    static func respond(
        service: S3Service, request: Request, writer: consuming ResponseWriter, channel: any Channel
    ) async throws {
        let head = request.head
        var headers = HeaderList()
        if let authority = head.authority { headers.add("Host", authority) }
        for field in head.headerFields { headers.add(field.name.rawName, field.value) }
        let method = head.method.rawValue
        var response: S3Response
        var refusedBeforeBody = false
        do {
            var s3Request = try S3Request(method: method, target: head.path ?? "/", headers: headers)
            s3Request.clientAddress = channel.remoteAddress?.ipAddress
            var admitted: Admission?
            if headers["expect"]?.lowercased() == "100-continue" {
                // `100 Continue` only for a request that will be served: a refused one gets its final error
                // at once, and the client never sends the body.
                do {
                    admitted = try service.admit(s3Request)
                    try await writer.writeInformationalHead(HTTPResponse(status: .continue))
                } catch is S3Error {
                    admitted = nil
                    refusedBeforeBody = true
                }
            }
            response = await service.handle(
                s3Request, body: HTTPBodySource(iterator: request.body.makeAsyncIterator()), admitted: admitted)
        } catch let error as S3Error {
            let path = head.path ?? "/"
            let requestID = S3Service.makeRequestID()
            var answer = S3Service.errorResponse(
                error, method: method, rawPath: String(path.prefix { $0 != "?" }), bucket: nil, requestID: requestID)
            answer.headers.append(("x-amz-request-id", requestID))
            response = answer
        }
        if refusedBeforeBody {
            // The client never sends the body it announced, so the connection cannot carry another request:
            // it is closed once the answer is out (queued writes go before the close on the event loop).
            response.headers.append(("Connection", "close"))
        }
        try await write(response, isHead: method == "HEAD", writer: writer, channel: channel)
        if refusedBeforeBody { channel.close(promise: nil) }
    }

    static func write(
        _ response: S3Response, isHead: Bool, writer: consuming ResponseWriter, channel: any Channel
    ) async throws {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let noBody = response.status == 304 || response.status == 204 || response.status < 200
        if !noBody { fields[.contentLength] = String(response.bodyLength) }
        let head = HTTPResponse(status: .init(code: response.status), headerFields: fields)
        if isHead || noBody {
            try await writer.writeResponse(head)
            return
        }
        switch response.body {
        case .empty:
            try await writer.writeResponse(head)
        case .bytes(let buffer):
            try await writer.write(response: head, body: ResponseBody(byteBuffer: buffer))
        case .object(let object, let range):
            if range.count <= inlineBodyLimit {
                let buffer = try object.read(offset: range.lowerBound, count: range.count)
                try await writer.write(response: head, body: ResponseBody(byteBuffer: buffer))
                return
            }
            var bodyWriter = try await writer.writeHead(head)
            if try await !FileRegionBody.send(object, range: range, on: channel) {
                var offset = range.lowerBound
                while offset < range.upperBound {
                    let count = Int(min(Int64(streamChunk), range.upperBound - offset))
                    let buffer = try object.read(offset: offset, count: count)
                    guard buffer.readableBytes == count else {
                        throw StoreIOError.corruptObject(path: object.file.path)
                    }
                    try await bodyWriter.write(buffer)
                    offset += Int64(count)
                }
            }
            try await bodyWriter.finish(nil)
        }
    }
}

/// Adapts Hummingbird's streaming request body to `BodySource`.
struct HTTPBodySource: BodySource {
    var iterator: RequestBody.AsyncIterator

    mutating func next() async throws -> ByteBuffer? { try await iterator.next() }
}

/// Sets the options of every accepted connection: TCP_NODELAY, so no response waits on Nagle's algorithm;
/// a write buffer of a few chunks, so the producer of a streamed body stays one chunk ahead of the socket;
/// and reads of up to 1 MiB, so a large request body arrives in few chunks. Memory per connection stays
/// bounded by these sizes, whatever the object's size.
final class ConnectionOptionsHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    static let writeBuffer = ChannelOptions.Types.WriteBufferWaterMark(
        low: 2 * S3HTTPServer.streamChunk, high: 4 * S3HTTPServer.streamChunk)
    static let largestRead = 1 << 20

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        channel.setOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1).whenComplete { _ in }
        channel.setOption(ChannelOptions.writeBufferWaterMark, value: Self.writeBuffer).whenComplete { _ in }
        let reads = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 2048, maximum: Self.largestRead)
        channel.setOption(ChannelOptions.recvAllocator, value: reads).whenComplete { _ in }
    }
}
