import CurlHTTP
import Testing

@Suite struct TLSTests {
    /// The test server speaks plain HTTP, so a TLS handshake with it fails.
    @Test func handshakeWithAPlainServerIsATLSFailure() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let error = await failure {
            try await client.execute(HTTPRequest(url: "https://127.0.0.1:\(server.port)/echo"))
        }
        #expect(error?.kind == .tlsFailure, "\(String(describing: error))")
        try await server.shutdown()
    }

    @Test func missingCABundleIsATLSFailure() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient(configuration: HTTPClientConfiguration(caBundlePath: "/nonexistent/ca.pem"))
        let error = await failure {
            try await client.execute(HTTPRequest(url: "https://127.0.0.1:\(server.port)/echo"))
        }
        #expect(error?.kind == .tlsFailure, "\(String(describing: error))")
        try await server.shutdown()
    }
}
