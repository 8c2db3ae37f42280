import CurlHTTP
import Foundation
import Testing

@Suite struct ResponseTests {
    @Test(arguments: [400, 404, 409, 500, 503])
    func errorStatusIsAResponse(status: Int) async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let response = try await client.execute(HTTPRequest(url: server.url("/status/\(status)")))
        #expect(response.status == status)
        #expect(!response.isSuccess)
        #expect(response.bodyText == "status \(status)")
        #expect(response.httpVersion == "1.1")
        try await server.shutdown()
    }

    @Test func headersKeepOrderCaseAndRepeatedValues() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let response = try await client.execute(HTTPRequest(url: server.url("/headers")))
        #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
        #expect(response.headers["x-mixed-case"] == "Value")
        #expect(response.headers.contains { $0.name == "X-Mixed-Case" })
        let names = response.headers.map { $0.name.lowercased() }
        #expect(names.firstIndex(of: "set-cookie")! < names.firstIndex(of: "x-mixed-case")!)
        try await server.shutdown()
    }

    @Test func errorBodyMeantForFileStaysInMemory() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("never-created")
        let response = try await client.execute(HTTPRequest(url: server.url("/status/404")), into: .file(path: path))
        #expect(response.status == 404)
        #expect(response.bodyText == "status 404")
        #expect(!FileManager.default.fileExists(atPath: path))
        try await server.shutdown()
    }

    @Test func emptySuccessfulBodyStillCreatesTheFile() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("empty")
        let response = try await client.execute(HTTPRequest(url: server.url("/large?bytes=0")), into: .file(path: path))
        #expect(response.status == 200)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0)
        try await server.shutdown()
    }

    @Test func throwingStreamHandlerAbortsTheTransfer() async throws {
        struct Refused: Error {}
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let error = await failure {
            try await client.execute(
                HTTPRequest(url: server.url("/large?bytes=1000000")), into: .stream { _ in throw Refused() })
        }
        #expect(error?.kind == .bodyHandlerFailed)
        try await server.shutdown()
    }
}
