import AWSSignature
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The DynamoDB wire protocol over HTTP: `POST /` with `X-Amz-Target: DynamoDB_20120810.<Op>` and
/// JSON 1.0 bodies, answered with `application/x-amz-json-1.0`, `x-amzn-RequestId` and `x-amz-crc32`.
public struct DynamoServer: Sendable {
    public let engine: DynamoEngine
    static let targetPrefix = "DynamoDB_20120810."
    /// DynamoDB Streams' target prefix: its actions are served on the same port.
    static let streamsTargetPrefix = "DynamoDBStreams_20120810."
    static let maximumBody = 16 * 1024 * 1024
    static let contentType = "application/x-amz-json-1.0"

    public init(engine: DynamoEngine) { self.engine = engine }

    /// Serves one HTTP request.
    public func respond(to request: Request) async -> Response {
        if request.method != .post {
            if request.method == .get, request.uri.path == "/" {
                // DynamoDB names its own endpoint: `healthy: dynamodb.<region>.amazonaws.com`; here the host asked.
                let host = request.head.authority ?? "localhost"
                return Response(
                    status: .ok, headers: [.contentType: "text/plain"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "healthy: \(host) ")))
            }
            return reply(status: 404, body: Array("<UnknownOperationException/>".utf8), contentType: "text/plain")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: DynamoServer.maximumBody)
        } catch {
            return reply(status: 413, body: [])
        }
        var body = Array(buffer.readableBytesView)
        if let encoding = request.headers[.contentEncoding]?.lowercased(), encoding != "identity" {
            do throws(Inflate.Failure) {
                switch encoding {
                case "gzip", "x-gzip": body = try Inflate.gunzip(body, limit: DynamoServer.maximumBody)
                case "deflate": body = try Inflate.zlibOrRaw(body, limit: DynamoServer.maximumBody)
                default: return failure(.serialization("Unsupported Content-Encoding: \(encoding)"))
                }
            } catch {
                return failure(.serialization("The request body could not be decompressed as \(encoding)"))
            }
        }
        guard let target = request.headers[.init("X-Amz-Target")!], let operation = DynamoServer.operation(target)
        else {
            return failure(DynamoError(.unknownOperation))
        }
        guard request.headers[.authorization] != nil else {
            return failure(DynamoError(.missingAuthenticationToken, "Request is missing Authentication Token"))
        }
        let (status, responseBody) = await engine.handleGrouped(operation: operation, body: body)
        return reply(status: status, body: responseBody)
    }

    /// The action an `X-Amz-Target` names: a DynamoDB action under its prefix, a Streams action under its own.
    static func operation(_ target: String) -> String? {
        if target.hasPrefix(targetPrefix) {
            let operation = String(target.dropFirst(targetPrefix.count))
            guard DynamoEngine.handlers[operation] != nil, !DynamoEngine.streamOperations.contains(operation) else {
                return nil
            }
            return operation
        }
        if target.hasPrefix(streamsTargetPrefix) {
            let operation = String(target.dropFirst(streamsTargetPrefix.count))
            return DynamoEngine.streamOperations.contains(operation) ? operation : nil
        }
        return nil
    }

    private func failure(_ error: DynamoError) -> Response {
        reply(status: error.httpStatus, body: error.body().serialized())
    }

    private func reply(status: Int, body: [UInt8], contentType: String = DynamoServer.contentType) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.init("x-amzn-RequestId")!] = DynamoServer.requestID()
        var checksum = Checksum(.crc32)
        checksum.update(body)
        headers[.init("x-amz-crc32")!] = String(checksum.value)
        headers[.contentLength] = String(body.count)
        var buffer = ByteBufferAllocator().buffer(capacity: body.count)
        buffer.writeBytes(body)
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// A 26-character request id from two random words (two getrandom calls, not one per character).
    static func requestID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
        var words = (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max))
        var characters = [UInt8](repeating: 0, count: 26)
        for index in 0..<26 {
            if index == 13 { words.0 = words.1 }
            characters[index] = alphabet[Int(words.0 & 31)]
            words.0 >>= 5
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Builds a Hummingbird application bound to `host:port` (0 picks a free port); `onReady` gets the bound port.
    public func application(
        host: String, port: Int, logger: Logger, onReady: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let server = self
        let responder = CallbackResponder<BasicRequestContext> { request, _ in await server.respond(to: request) }
        return Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "LocalDynamo"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
