import Foundation
import HTTPTypes
import Hummingbird
import JSONLogging
import LambdaRuntime
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

    /// Listens on `host:port` and invokes `function` for every request; `cors` is its `FunctionUrlConfig.Cors`.
    public static func start(
        emulator: LambdaEmulator, function: String, cors: FunctionURLCors? = nil, host: String = "127.0.0.1",
        port: Int, logger: Logger
    ) async throws -> FunctionURLGateway {
        let router = Router(context: GatewayRequestContext.self)
        let policy = cors.map(FunctionURLCORSPolicy.init)
        router.on("/**", method: .get) { try await handle($0, $1, emulator: emulator, function: function, policy) }
        for method in [HTTPRequest.Method.post, .put, .delete, .patch, .head, .options] {
            router.on("/**", method: method) {
                try await handle($0, $1, emulator: emulator, function: function, policy)
            }
        }
        router.on("/", method: .get) { try await handle($0, $1, emulator: emulator, function: function, policy) }
        router.on("/", method: .post) { try await handle($0, $1, emulator: emulator, function: function, policy) }
        return try await HTTPListener.start(router: router, host: host, port: port, logger: logger) { port, task in
            FunctionURLGateway(port: port, task: task)
        }
    }

    public func stop() {
        task.cancel()
    }

    static func handle(
        _ request: Request, _ context: GatewayRequestContext, emulator: LambdaEmulator, function: String,
        _ cors: FunctionURLCORSPolicy? = nil
    ) async throws -> Response {
        let origin = request.headers[.origin]
        if let preflight = cors?.preflight(
            method: request.method.rawValue, origin: origin,
            requestedMethod: request.headers[.accessControlRequestMethod])
        {
            return response(preflight)
        }
        let (body, total) = try await RequestBodies.collect(request.body, keepingAtMost: requestLimit)
        guard total <= requestLimit else {
            return response(
                .init(status: 413, headers: [], body: Array(#"{"message":"Request Entity Too Large"}"#.utf8)))
        }
        let event = HTTPEventMapper.event(
            method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query ?? "",
            headers: request.headers, body: body, sourceIP: context.peerAddress)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let payload = Array(try encoder.encode(event))
        let result: InvocationResult
        do {
            result = try await emulator.invoke(
                function: function,
                request: InvocationRequest(requestID: UUID().uuidString.lowercased(), payload: payload))
        } catch {
            let status = error.status == 429 ? 429 : 502
            let message = status == 429 ? "Too Many Requests" : "Internal Server Error"
            return response(.init(status: status, headers: [], body: Array(#"{"message":"\#(message)"}"#.utf8)))
        }
        let answer = HTTPResponseMapper.answer(for: result)
        return response(cors?.decorate(answer, origin: origin) ?? answer)
    }

    static func response(_ answer: HTTPResponseMapper.Answer) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        if fields[.contentType] == nil && !answer.body.isEmpty { fields[.contentType] = "application/json" }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
