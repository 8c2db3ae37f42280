import CurlHTTP
import Foundation
import Testing

@Suite struct TimeoutTests {
    @Test func totalTimeoutRaisesTimedOut() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let error = await failure {
            try await client.execute(HTTPRequest(url: server.url("/delay?ms=5000"), timeout: .milliseconds(200)))
        }
        #expect(error?.kind == .timedOut)
        try await server.shutdown()
    }

    @Test func connectTimeoutRaisesTimedOut() async throws {
        let listener = try LoopbackSockets.unansweringListener()
        defer { listener.descriptors.forEach { close($0) } }
        let client = try HTTPClient()
        let error = await failure {
            try await client.execute(
                HTTPRequest(url: "http://127.0.0.1:\(listener.port)/", connectTimeout: .milliseconds(200)))
        }
        #expect(error?.kind == .timedOut)
    }

    @Test func noTimeoutWaitsForASlowAnswer() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let response = try await client.execute(
            HTTPRequest(url: server.url("/delay?ms=1500"), connectTimeout: .zero, timeout: .zero))
        #expect(response.status == 200)
        #expect(response.bodyText == "slow")
        try await server.shutdown()
    }
}
