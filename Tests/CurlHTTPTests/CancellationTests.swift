import CurlHTTP
import Testing

@Suite struct CancellationTests {
    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let task = Task { () async throws(HTTPClientError) -> HTTPResponse in
            try await client.execute(HTTPRequest(url: server.url("/delay?ms=10000")))
        }
        #expect(await server.stats.waitUntil { $0.requestPaths == ["/delay"] })
        task.cancel()
        let result = await task.result
        #expect(throws: HTTPClientError.cancelled) { try result.get() }
        #expect(await server.stats.waitUntil { $0.connectionsClosed == 1 }, "the connection should be closed")
        try await server.shutdown()
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let task = Task { () async throws(HTTPClientError) -> HTTPResponse in
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.execute(HTTPRequest(url: server.url("/echo")))
        }
        await #expect(throws: HTTPClientError.cancelled) { try await task.value }
        #expect(server.stats.requestPaths.isEmpty)
        #expect(try await client.execute(HTTPRequest(url: server.url("/echo"))).status == 200)
        try await server.shutdown()
    }
}
