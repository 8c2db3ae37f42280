import Foundation
import HTTPTypes
import Hummingbird
import JSONLogging
import LambdaRuntime
import LocalS3
import Logging
import NIOCore

/// An HTTP front door for one function, as a Lambda Function URL (payload 2.0) would be.
public final class FunctionURLGateway: Sendable {
    public let port: Int
    private let task: Task<Void, Never>

    private init(port: Int, task: Task<Void, Never>) {
        self.port = port
        self.task = task
    }

    /// The largest request body forwarded (API Gateway's 10 MB limit; Lambda's 6 MB applies after encoding).
    static let requestLimit = 10 * 1024 * 1024

    /// Listens on `host:port` and invokes `function` for every request; `cors` is its `FunctionUrlConfig.Cors`;
    /// with `site`, only paths under `/api` go to the function and every other path is served from the site's
    /// website bucket.
    public static func start(
        emulator: LambdaEmulator, function: String, cors: FunctionURLCors? = nil, site: SiteHosting? = nil,
        invokeMode: FunctionURLInvokeMode = .buffered, host: String = "127.0.0.1", port: Int, logger: Logger
    ) async throws -> FunctionURLGateway {
        let router = makeRouter(
            emulator: emulator, function: function, cors: cors.map(FunctionURLCORSPolicy.init), site: site,
            invokeMode: invokeMode)
        return try await HTTPListener.start(router: router, host: host, port: port, logger: logger) { port, task in
            FunctionURLGateway(port: port, task: task)
        }
    }

    /// The gateway's routes: every method and path, to the site or the function.
    static func makeRouter(
        emulator: LambdaEmulator, function: String, cors: FunctionURLCORSPolicy? = nil, site: SiteHosting?,
        invokeMode: FunctionURLInvokeMode = .buffered
    ) -> Router<GatewayRequestContext> {
        let router = Router(context: GatewayRequestContext.self)
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .head, .options]
        for method in methods {
            for path: RouterPath in ["/**", "/"] {
                router.on(path, method: method) { request, context in
                    if let site, !SiteHosting.isFunctionPath(request.uri.path) {
                        return await serveSite(request, site: site)
                    }
                    return try await handle(
                        request, context, emulator: emulator, function: function, cors, invokeMode: invokeMode)
                }
            }
        }
        return router
    }

    /// Answers a site request from the website bucket (headers only for HEAD).
    static func serveSite(_ request: Request, site: SiteHosting) async -> Response {
        let answer = await site.respond(method: request.method.rawValue, target: request.head.path ?? "/")
        var fields = Self.fields(answer.headers)
        fields[.contentLength] = String(answer.bodyLength)
        let status = HTTPResponse.Status(code: answer.status)
        guard request.method != .head else { return Response(status: status, headers: fields) }
        let bytes: [UInt8]
        do {
            bytes = try answer.collectBody()
        } catch {
            // The object vanished or could not be read between the lookup and the read: say which, to the page.
            let text = Array("LocalS3 could not read \(request.uri.path): \(error)\n".utf8)
            return Response(
                status: .internalServerError,
                headers: [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.count)],
                body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    public func stop() {
        task.cancel()
    }

    static func handle(
        _ request: Request, _ context: GatewayRequestContext, emulator: LambdaEmulator, function: String,
        _ cors: FunctionURLCORSPolicy? = nil, invokeMode: FunctionURLInvokeMode = .buffered
    ) async throws -> Response {
        let origin = request.headers[.origin]
        if let preflight = cors?.preflight(
            method: request.method.rawValue, origin: origin,
            requestedMethod: request.headers[.accessControlRequestMethod])
        {
            return response(preflight)
        }
        // The gateway's own refusals carry the CORS headers too, so a browser can read them.
        func finish(_ answer: HTTPResponseMapper.Answer) -> Response {
            response(cors?.decorate(answer, origin: origin) ?? answer)
        }
        let (body, total) = try await RequestBodies.collect(request.body, keepingAtMost: requestLimit)
        guard total <= requestLimit else {
            return finish(.init(status: 413, headers: [], body: Array(#"{"message":"Request Entity Too Large"}"#.utf8)))
        }
        let event = HTTPEventMapper.event(
            method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query ?? "",
            headers: request.headers, body: body, sourceIP: context.peerAddress)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let payload = Array(try encoder.encode(event))
        let invocation = InvocationRequest(
            requestID: LambdaRequestID.make(), payload: payload, origin: .gateway)
        if invokeMode == .responseStream {
            let pool = try emulator.resolve(function, qualifier: nil)
            return await FunctionURLStreaming.respond(pool: pool, request: invocation) { answer in
                cors?.decorate(answer, origin: origin) ?? answer
            }
        }
        let result: InvocationResult
        do {
            result = try await emulator.invoke(function: function, request: invocation)
        } catch {
            let status = error.status == 429 ? 429 : 502
            let message = status == 429 ? "Too Many Requests" : "Internal Server Error"
            return finish(.init(status: status, headers: [], body: Array(#"{"message":"\#(message)"}"#.utf8)))
        }
        return finish(HTTPResponseMapper.answer(for: result))
    }

    static func response(_ answer: HTTPResponseMapper.Answer) -> Response {
        var fields = Self.fields(answer.headers)
        if fields[.contentType] == nil && !answer.body.isEmpty { fields[.contentType] = "application/json" }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// Name-value pairs as HTTP fields, in order; a pair whose name is not a valid field name is dropped.
    static func fields(_ headers: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        return fields
    }
}
