import CurlHTTP
import Foundation
import Testing

@Suite struct RedirectTests {
    @Test func redirectsAreNotFollowedUnlessAsked() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let response = try await client.execute(HTTPRequest(url: server.url("/redirect?code=302&to=/echo")))
        #expect(response.status == 302)
        #expect(response.headers["location"] == "/echo")
        #expect(server.stats.requestPaths == ["/redirect"])
        try await server.shutdown()
    }

    @Test func getFollowsAndKeepsOnlyTheFinalHeaders() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let response = try await client.execute(
            HTTPRequest(url: server.url("/redirect?code=301&to=/headers"), followRedirects: true))
        #expect(response.status == 200)
        #expect(response.headers["location"] == nil)
        #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
        #expect(server.stats.requestPaths == ["/redirect", "/headers"])
        try await server.shutdown()
    }

    /// A 307 keeps the method and body, so curl must rewind the body: from memory and from a file.
    @Test func temporaryRedirectResendsTheBody() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("body.bin")
        let contents = Array("file body ".utf8) + (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        try Data(contents).write(to: URL(fileURLWithPath: path))
        for body in [HTTPRequestBody.string("memory body"), .file(path: path)] {
            let response = try await client.execute(
                HTTPRequest(
                    method: .post, url: server.url("/redirect?code=307&to=/echo"), body: body, followRedirects: true))
            let report = try JSONDecoder().decode(EchoReport.self, from: Data(response.body))
            #expect(report.method == "POST")
            if case .file = body {
                #expect(report.body == contents)
            } else {
                #expect(report.body == Array("memory body".utf8))
            }
        }
        try await server.shutdown()
    }
}
