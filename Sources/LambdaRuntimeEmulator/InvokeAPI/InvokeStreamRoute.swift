import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /2021-11-15/functions/{name}/response-streaming-invocations`: InvokeWithResponseStream, in the
/// event-stream framing boto3's `invoke_with_response_stream` reads. Functions answer buffered here, so the
/// response is one `PayloadChunk` (none for a function error) and the closing `InvokeComplete`.
enum InvokeStreamRoute {
    static func register(on router: Router<BasicRequestContext>, emulator: LambdaEmulator) {
        router.post("/2021-11-15/functions/:name/response-streaming-invocations") { request, context in
            do {
                return try await handle(request, name: context.parameters.get("name") ?? "", emulator: emulator)
            } catch let error as InvokeAPIError {
                return InvokeRoute.errorResponse(error)
            }
        }
    }

    static func handle(_ request: Request, name rawName: String, emulator: LambdaEmulator) async throws
        -> Response
    {
        let name = rawName.removingPercentEncoding ?? rawName
        let qualifier = request.uri.queryParameters["Qualifier"].map { String($0) }
        let pool = try emulator.resolve(name, qualifier: qualifier)
        let invocationType = request.headers[.invocationType] ?? "RequestResponse"
        guard ["RequestResponse", "DryRun"].contains(invocationType) else {
            throw InvokeAPIError.invalidParameter("Invalid InvocationType: \(invocationType)")
        }
        let logType = request.headers[.logType] ?? "None"
        guard logType == "None" || logType == "Tail" else {
            throw InvokeAPIError.invalidParameter("Invalid LogType: \(logType)")
        }
        let limit = InvokeRoute.synchronousLimit
        let (bytes, total) = try await RequestBodies.collect(request.body, keepingAtMost: limit)
        guard total <= limit else { throw InvokeAPIError.tooLarge(bytes: total, limit: limit) }
        let payload = bytes.isEmpty ? Array("{}".utf8) : bytes
        guard (try? JSONSerialization.jsonObject(with: Data(payload), options: [.fragmentsAllowed])) != nil else {
            throw InvokeAPIError.invalidContent("Could not parse request body into json: unexpected character")
        }
        let requestID = UUID().uuidString.lowercased()
        var headers: HTTPFields = [.amznRequestID: requestID]
        if invocationType == "DryRun" { return Response(status: .noContent, headers: headers) }
        let invocation = InvocationRequest(
            requestID: requestID, payload: payload,
            clientContext: try InvokeRoute.decodeClientContext(request.headers[.amzClientContext]),
            tenantID: request.headers[.tenantIDHeader])
        let result: InvocationResult
        do {
            result = try await pool.invoke(invocation)
        } catch {
            throw InvokeAPIError.tooManyRequests(pool.function.name)
        }
        headers[.contentType] = "application/vnd.amazon.eventstream"
        headers[.executedVersion] = "$LATEST"
        let log = logType == "Tail" ? Data(result.log.suffix(InvokeRoute.tailBytes)).base64EncodedString() : nil
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: eventStream(result, log: log))))
    }

    /// The `PayloadChunk` (unless the function failed) and `InvokeComplete` messages for a buffered result.
    static func eventStream(_ result: InvocationResult, log: String?) -> [UInt8] {
        var body: [UInt8] = []
        if !result.isFunctionError && !result.payload.isEmpty {
            body +=
                EventStreamMessage.event(
                    "PayloadChunk", contentType: "application/octet-stream", payload: result.payload
                ).encoded
        }
        var fields: [String] = []
        if result.isFunctionError {
            fields.append(#""ErrorCode":\#(JSONText.quote(result.errorType ?? "Unhandled"))"#)
            fields.append(#""ErrorDetails":\#(JSONText.quote(String(decoding: result.payload, as: UTF8.self)))"#)
        }
        if let log { fields.append(#""LogResult":\#(JSONText.quote(log))"#) }
        let complete = Array("{\(fields.joined(separator: ","))}".utf8)
        body += EventStreamMessage.event("InvokeComplete", contentType: "application/json", payload: complete).encoded
        return body
    }
}
