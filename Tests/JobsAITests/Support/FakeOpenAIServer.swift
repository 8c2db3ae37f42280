import Foundation
import Hummingbird
import NIOCore

/// A local OpenAI-compatible chat completions server for tests: answers from a script, records requests.
actor FakeOpenAIServer {
    /// One scripted answer.
    struct Reply: Sendable {
        var status = 200
        var headers: [String: String] = [:]
        var body: String
        var delay: Duration = .zero

        /// A completion whose message content is `content`.
        static func completion(_ content: String) -> Reply {
            let object: [String: Any] = [
                "id": "chatcmpl-1", "object": "chat.completion",
                "choices": [
                    ["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]
                ],
            ]
            // Plain strings and numbers always serialize.
            let data = try! JSONSerialization.data(withJSONObject: object)
            return Reply(body: String(decoding: data, as: UTF8.self))
        }
    }

    /// One received request.
    struct Received: Sendable {
        var path: String
        var headers: [String: String]
        var body: [String: Any] { (try? JSONSerialization.jsonObject(with: raw) as? [String: Any]) ?? [:] }
        var raw: Data
    }

    private var script: [Reply]
    private(set) var received: [Received] = []
    private var task: Task<Void, Never>?
    private(set) var port = 0

    init(_ script: [Reply]) { self.script = script }

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    func start() async throws {
        let (ready, announce) = AsyncStream<Int>.makeStream()
        let responder = CallbackResponder<BasicRequestContext> { [self] request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let reply = await self.next(Received(path: request.uri.path, headers: headers, raw: Data(buffer: body)))
            if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            for (name, value) in reply.headers {
                if let field = HTTPFields.Element.Name(name) { fields[field] = value }
            }
            return Response(
                status: .init(code: reply.status), headers: fields,
                body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
        }
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in announce.yield(channel.localAddress?.port ?? 0) })
        task = Task {
            try? await app.runService(gracefulShutdownSignals: [])
            announce.finish()
        }
        for await bound in ready {
            port = bound
            return
        }
    }

    func stop() { task?.cancel() }

    private func next(_ request: Received) -> Reply {
        received.append(request)
        return script.count > 1 ? script.removeFirst() : (script.first ?? Reply(status: 500, body: "{}"))
    }
}
