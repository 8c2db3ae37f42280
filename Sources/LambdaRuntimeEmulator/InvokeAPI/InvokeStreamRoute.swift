import BuildingBlocks
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /2021-11-15/functions/{name}/response-streaming-invocations`: InvokeWithResponseStream, in the
/// event-stream framing boto3's `invoke_with_response_stream` reads: a `PayloadChunk` per part a streaming runtime
/// sends, as it arrives (a buffered answer is one chunk), then `InvokeComplete`.
enum InvokeStreamRoute {
    static func register(on router: Router<BasicRequestContext>, emulator: LambdaEmulator) {
        router.post("/2021-11-15/functions/:name/response-streaming-invocations") { request, context in
            do {
                return try await handle(request, name: context.parameters.get("name") ?? "", emulator: emulator)
            } catch let error as InvokeAPIError {
                return InvokeOperation.errorResponse(error)
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
        let limit = InvokeOperation.synchronousLimit
        let (bytes, total) = try await RequestBodies.collect(request.body, keepingAtMost: limit)
        guard total <= limit else { throw InvokeAPIError.tooLarge(bytes: total, limit: limit) }
        let payload = try InvokeOperation.checkedPayload(bytes)
        let requestID = LambdaRequestID.make()
        var headers: HTTPFields = [.amznRequestID: requestID]
        if invocationType == "DryRun" { return Response(status: .noContent, headers: headers) }
        let invocation = InvocationRequest(
            requestID: requestID, payload: payload,
            clientContext: try InvokeOperation.decodeClientContext(request.headers[.amzClientContext]),
            tenantID: request.headers[.tenantIDHeader])
        let stream = ResponseStream()
        let running = Task { () -> Result<InvocationResult, InvokeAPIError> in
            // The parts end with the invocation, however it ends.
            defer { stream.finish() }
            do {
                return .success(try await pool.invoke(invocation, stream: stream))
            } catch {
                return .failure(.tooManyRequests(pool.function.name))
            }
        }
        headers[.contentType] = "application/vnd.amazon.eventstream"
        headers[.executedVersion] = "$LATEST"
        let tail = logType == "Tail"
        // The 200 goes out once the runtime starts streaming, or with the whole answer of one that does not;
        // a refusal before that (no capacity) is an ordinary error response, as on Lambda.
        let parts = ResponseStreamReader(stream)
        var first: [UInt8] = []
        var streaming = false
        while let part = await parts.next() {
            if case .chunk(let bytes) = part, !bytes.isEmpty {
                first = bytes
                streaming = true
                break
            }
        }
        if !streaming, case .failure(let error) = await running.value { throw error }
        let (firstChunk, streamed) = (first, streaming)
        let body = ResponseBody { writer in
            if streamed { try await writer.write(ByteBuffer(bytes: payloadChunk(firstChunk))) }
            while let part = await parts.next() {
                guard case .chunk(let bytes) = part, !bytes.isEmpty else { continue }
                try await writer.write(ByteBuffer(bytes: payloadChunk(bytes)))
            }
            let closing: [UInt8]
            switch await running.value {
            case .success(let result):
                let log = tail ? Data(result.log.suffix(InvokeOperation.tailBytes)).base64EncodedString() : nil
                closing = eventStream(result, log: log, streamed: streamed)
            case .failure(let error):
                closing = invokeComplete(errorCode: error.code, details: error.message, log: nil)
            }
            try await writer.write(ByteBuffer(bytes: closing))
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func payloadChunk(_ bytes: [UInt8]) -> [UInt8] {
        EventStreamMessage.event("PayloadChunk", contentType: "application/octet-stream", payload: bytes).encoded
    }

    static func invokeComplete(errorCode: String?, details: String?, log: String?) -> [UInt8] {
        var fields: [String] = []
        if let errorCode { fields.append(#""ErrorCode":\#(JSONText.quote(errorCode))"#) }
        if let details { fields.append(#""ErrorDetails":\#(JSONText.quote(details))"#) }
        if let log { fields.append(#""LogResult":\#(JSONText.quote(log))"#) }
        let complete = Array("{\(fields.joined(separator: ","))}".utf8)
        return EventStreamMessage.event("InvokeComplete", contentType: "application/json", payload: complete).encoded
    }

    /// The closing messages for a result: the buffered payload as one `PayloadChunk` when nothing was streamed
    /// (and the function did not fail), then `InvokeComplete` with the error, if any.
    static func eventStream(_ result: InvocationResult, log: String?, streamed: Bool = false) -> [UInt8] {
        var body: [UInt8] = []
        if !streamed && !result.isFunctionError && !result.payload.isEmpty { body += payloadChunk(result.payload) }
        body += invokeComplete(
            errorCode: result.isFunctionError ? result.errorType ?? "Unhandled" : nil,
            details: result.isFunctionError ? String(decoding: result.payload, as: UTF8.self) : nil, log: log)
        return body
    }
}
