import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A `RESPONSE_STREAM` Function URL: the runtime's streamed answer goes to the HTTP client as it is produced.
/// With the HTTP-integration content type, the JSON prelude before the 8 NUL bytes gives status, headers and
/// cookies; any other content type is streamed with status 200. A function that answers buffered is mapped as
/// a `BUFFERED` URL maps it.
enum FunctionURLStreaming {
    /// The longest prelude read before the delimiter must have appeared.
    static let preludeLimit = 1 << 20

    static func respond(
        pool: FunctionPool, request: InvocationRequest,
        finish: @escaping @Sendable (HTTPResponseMapper.Answer) -> HTTPResponseMapper.Answer
    ) async -> Response {
        let stream = ResponseStream()
        let running = Task { () -> InvocationResult? in
            // The parts end with the invocation, however it ends.
            defer { stream.finish() }
            do {
                return try await pool.invoke(request, stream: stream)
            } catch {
                return nil
            }
        }
        let parts = ResponseStreamReader(stream)
        var contentType: String?
        var head: [UInt8] = []
        var integration = false
        reading: while let part = await parts.next() {
            switch part {
            case .contentType(let type):
                contentType = type
                integration = type.hasPrefix(HTTPResponseMapper.streamingContentType)
                if !integration { break reading }
            case .chunk(let bytes):
                head += bytes
                if head.firstRange(of: [UInt8](repeating: 0, count: 8)) != nil || head.count > preludeLimit {
                    break reading
                }
            }
        }
        guard let contentType else {
            // Nothing streamed: the function answered buffered, failed, or could not run.
            guard let result = await running.value else {
                return FunctionURLGateway.response(
                    finish(.init(status: 429, headers: [], body: Array(#"{"message":"Too Many Requests"}"#.utf8))))
            }
            return FunctionURLGateway.response(finish(HTTPResponseMapper.answer(for: result)))
        }
        var answer: HTTPResponseMapper.Answer
        if integration {
            answer = HTTPResponseMapper.streamed(head)
            guard answer.status != 502 || head.firstRange(of: [UInt8](repeating: 0, count: 8)) != nil else {
                return FunctionURLGateway.response(finish(.internalError))
            }
        } else {
            answer = .init(status: 200, headers: [("content-type", contentType)], body: head)
        }
        let first = answer.body
        answer.body = []
        let decorated = finish(answer)
        let body = ResponseBody { writer in
            if !first.isEmpty { try await writer.write(ByteBuffer(bytes: first)) }
            while let part = await parts.next() {
                guard case .chunk(let bytes) = part, !bytes.isEmpty else { continue }
                try await writer.write(ByteBuffer(bytes: bytes))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: HTTPResponse.Status(code: decorated.status), headers: FunctionURLGateway.fields(decorated.headers),
            body: body)
    }
}
