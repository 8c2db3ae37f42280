import CurlHTTP
import Testing

@Suite struct KeepAliveTests {
    @Test func sequentialRequestsReuseOneConnection() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        for index in 0..<10 {
            let method: HTTPMethod = index.isMultiple(of: 2) ? .get : .post
            let body: HTTPRequestBody = method == .post ? .string("request \(index)") : .none
            let response = try await client.execute(HTTPRequest(method: method, url: server.url("/echo"), body: body))
            #expect(response.status == 200)
        }
        #expect(server.stats.requestPaths.count == 10)
        #expect(server.stats.connectionsOpened == 1)
        try await server.shutdown()
    }

    @Test func blockingRequestsReuseOneConnection() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        for _ in 0..<5 { #expect(try client.executeBlocking(HTTPRequest(url: server.url("/echo"))).status == 200) }
        #expect(server.stats.connectionsOpened == 1)
        try await server.shutdown()
    }

    @Test func closedConnectionIsReplaced() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        #expect(try await client.execute(HTTPRequest(url: server.url("/close"))).bodyText == "bye")
        #expect(try await client.execute(HTTPRequest(url: server.url("/echo"))).status == 200)
        #expect(server.stats.connectionsOpened == 2)
        try await server.shutdown()
    }
}
