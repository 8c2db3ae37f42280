import CurlHTTP
import Foundation
import Testing

@Suite struct FailureTests {
    @Test func connectionRefused() async throws {
        let port = try LoopbackSockets.closedPort()
        let client = try HTTPClient()
        let error = await failure { try await client.execute(HTTPRequest(url: "http://127.0.0.1:\(port)/")) }
        #expect(error?.kind == .connectionRefused)
    }

    @Test(arguments: [
        "http://[::1/", "http://host:99999/", "ftp://127.0.0.1/file", "not a url", "http://exa\u{0}mple/",
    ])
    func malformedURL(url: String) async throws {
        let client = try HTTPClient()
        let error = await failure { try await client.execute(HTTPRequest(url: url)) }
        #expect(error?.kind == .malformedURL, "\(String(describing: error))")
    }

    @Test(arguments: [("Bad Name", "v"), ("X-Injected", "a\r\nX-Evil: 1"), ("", "v")])
    func invalidHeaderIsRefusedBeforeSending(name: String, value: String) async throws {
        let client = try HTTPClient()
        let error = await failure {
            try await client.execute(HTTPRequest(url: "http://127.0.0.1:9/", headers: [(name, value)]))
        }
        #expect(error?.kind == .invalidRequest)
    }

    @Test func missingUploadFileIsAFileError() async throws {
        let client = try HTTPClient()
        let error = await failure {
            try await client.execute(
                HTTPRequest(method: .put, url: "http://127.0.0.1:9/", body: .file(path: "/nonexistent/upload.bin")))
        }
        #expect(error == .fileError(path: "/nonexistent/upload.bin", reason: "No such file or directory"))
    }

    @Test func unwritableDownloadFileIsAFileError() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let error = await failure {
            try await client.execute(HTTPRequest(url: server.url("/echo")), into: .file(path: "/nonexistent/out.bin"))
        }
        #expect(error?.kind == .fileError)
        try await server.shutdown()
    }
}
