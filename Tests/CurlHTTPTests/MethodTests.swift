import CurlHTTP
import Foundation
import Testing

@Suite struct MethodTests {
    static let headers: HTTPHeaders = [("X-First", "1"), ("X-Repeated", "a"), ("x-empty", ""), ("X-Repeated", "b")]

    @Test(arguments: [HTTPMethod.get, .post, .put, .delete, .patch, .options])
    func sendsMethodHeadersAndBody(method: HTTPMethod) async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let body: [UInt8] = method == .get ? [] : Array("payload for \(method)".utf8)
        let response = try await client.execute(
            HTTPRequest(
                method: method, url: server.url("/echo?q=1"), headers: Self.headers,
                body: body.isEmpty ? .none : .bytes(body)))
        let report = try JSONDecoder().decode(EchoReport.self, from: Data(response.body))
        #expect(response.status == 200)
        #expect(report.method == method.rawValue)
        #expect(report.uri == "/echo?q=1")
        #expect(report.body == body)
        #expect(report.values("X-First") == ["1"])
        #expect(report.values("X-Repeated") == ["a", "b"])
        #expect(report.values("X-Empty") == [""])
        #expect(report.values("Expect").isEmpty)
        #expect(report.values("Content-Type").isEmpty, "curl must not add a form content type")
        #expect(report.values("Transfer-Encoding").isEmpty)
        if !body.isEmpty { #expect(report.values("Content-Length") == ["\(body.count)"]) }
        try await server.shutdown()
    }

    @Test func headReturnsHeadersWithoutBody() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let response = try await client.execute(HTTPRequest(method: .head, url: server.url("/echo")))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(Int(response.headers["content-length"] ?? "") ?? 0 > 0)
        #expect(server.stats.requestPaths == ["/echo"])
        try await server.shutdown()
    }

    @Test func bodyFromDataAndFromFile() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fromData = try await client.execute(
            HTTPRequest(method: .post, url: server.url("/echo"), body: .data(Data("from data".utf8))))
        #expect(try JSONDecoder().decode(EchoReport.self, from: Data(fromData.body)).body == Array("from data".utf8))

        let path = directory.file("body.bin")
        let contents = (0..<5000).map { UInt8(truncatingIfNeeded: $0) }
        try Data(contents).write(to: URL(fileURLWithPath: path))
        let fromFile = try await client.execute(
            HTTPRequest(method: .put, url: server.url("/echo"), body: .file(path: path)))
        #expect(try JSONDecoder().decode(EchoReport.self, from: Data(fromFile.body)).body == contents)
        try await server.shutdown()
    }

    @Test func postWithoutBodySendsZeroContentLength() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let response = try await client.execute(HTTPRequest(method: .post, url: server.url("/echo")))
        let report = try JSONDecoder().decode(EchoReport.self, from: Data(response.body))
        #expect(report.method == "POST")
        #expect(report.values("Content-Length") == ["0"])
        try await server.shutdown()
    }

    @Test func callerHeadersOverrideCurlDefaults() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient(configuration: HTTPClientConfiguration(userAgent: "configured/1"))
        let plain = try await client.execute(HTTPRequest(url: server.url("/echo")))
        #expect(
            try JSONDecoder().decode(EchoReport.self, from: Data(plain.body)).values("User-Agent") == ["configured/1"])
        let custom = try await client.execute(
            HTTPRequest(
                method: .post, url: server.url("/echo"),
                headers: [("User-Agent", "caller/2"), ("Content-Type", "application/json")], body: .string("{}")))
        let report = try JSONDecoder().decode(EchoReport.self, from: Data(custom.body))
        #expect(report.values("User-Agent") == ["caller/2"])
        #expect(report.values("Content-Type") == ["application/json"])
        try await server.shutdown()
    }
}
