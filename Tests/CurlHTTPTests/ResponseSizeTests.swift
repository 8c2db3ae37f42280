import CurlHTTP
import Foundation
import Testing

/// In the serialized large-transfer suite: these bodies of 10 to 20 MB would disturb its peak-memory readings.
extension LargeTransferTests {
    @Test func memoryBodiesAreCappedAtTenMegabytesByDefault() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let small = try await client.execute(HTTPRequest(url: server.url("/large?bytes=1000000")))
        #expect(small.body.count == 1_000_000)
        let error = await failure { try await client.execute(HTTPRequest(url: server.url("/large?bytes=12000000"))) }
        #expect(error == .responseTooLarge(limit: HTTPRequest.defaultMaximumResponseBytes))
        try await server.shutdown()
    }

    @Test func theCapCountsDecompressedBytes() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let request = HTTPRequest(
            url: server.url("/gzip-bomb"), acceptCompressedResponse: true, maximumResponseBytes: 5_000_000)
        let error = await failure { try await client.execute(request) }
        #expect(error == .responseTooLarge(limit: 5_000_000))
        // The same 20 KB on the wire is read whole when the caller allows its decoded size.
        var generous = request
        generous.maximumResponseBytes = nil
        let response = try await client.execute(generous)
        #expect(response.body.count == 20_000_000)
        try await server.shutdown()
    }

    @Test func filesAndStreamsAreNotCapped() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("big")
        let request = HTTPRequest(url: server.url("/large?bytes=3000000"), maximumResponseBytes: 1_000)
        _ = try await client.execute(request, into: .file(path: path))
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == 3_000_000)
        try await server.shutdown()
    }
}
