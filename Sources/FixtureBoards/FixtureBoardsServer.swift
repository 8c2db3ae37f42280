import Foundation
import Hummingbird
import Logging
import NIOCore

/// Serves `FixtureBoardsSite` over HTTP (Hummingbird) on a host and port (0 picks a free one).
public struct FixtureBoardsServer: Sendable {
    public let site: FixtureBoardsSite
    public let host: String
    public let port: Int

    public init(site: FixtureBoardsSite, host: String = "127.0.0.1", port: Int = 3002) {
        self.site = site
        self.host = host
        self.port = port
    }

    /// The fixture folder of a checkout: `Fixtures/jobboards` under the working directory, when present.
    public static func defaultFixtures(
        directory: String = FileManager.default.currentDirectoryPath
    ) -> URL? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("Fixtures/jobboards")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Serves until the task is cancelled; `onReady` gets the bound port.
    public func run(logger: Logger, onReady: @escaping @Sendable (Int) async -> Void) async throws {
        let site = self.site
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let target = request.uri.description
            let answer = await site.respond(method: request.method.rawValue, target: target)
            var headers = HTTPFields()
            for (name, value) in answer.headers {
                guard let field = HTTPFields.Element.Name(name) else { continue }
                headers[field] = value
            }
            return Response(
                status: HTTPResponse.Status(code: answer.status), headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: request.method == .head ? "" : answer.body)))
        }
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "FixtureBoards"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [])
    }
}
