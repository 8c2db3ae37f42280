import CurlHTTP
import Foundation
import Testing

/// 100 MB each way without the body ever sitting in memory. Serialized, so the peak-memory readings
/// of one test are not disturbed by another's transfer.
@Suite(.serialized) struct LargeTransferTests {
    static let size = 100 * 1024 * 1024
    /// Less than one body: holding a body in memory grows the peak by at least its size, while the swift-testing
    /// suites that run beside this one in the same process have been seen to add up to 95 MB between them.
    static let memoryBound = size

    @Test func downloadStreamsToAFile() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("download.bin")
        var response: HTTPResponse?
        let growth = try await ProcessMemory.peakGrowth {
            response = try await client.execute(
                HTTPRequest(url: server.url("/large?bytes=\(Self.size)")), into: .file(path: path))
        }
        #expect(response?.status == 200)
        #expect(response?.body.isEmpty == true)
        #expect(try Self.sha256(ofFile: path) == PatternBody.sha256(length: Self.size))
        #expect(growth < Self.memoryBound, "peak RSS grew by \(growth / 1_048_576) MB")
        try await server.shutdown()
    }

    @Test func downloadStreamsToAClosure() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let hasher = SHA256Hasher()
        var response: HTTPResponse?
        let growth = try await ProcessMemory.peakGrowth {
            response = try await client.execute(
                HTTPRequest(url: server.url("/large?bytes=\(Self.size)")), into: .stream { hasher.update($0) })
        }
        #expect(response?.status == 200)
        #expect(hasher.byteCount == Self.size)
        #expect(hasher.finalize() == PatternBody.sha256(length: Self.size))
        #expect(growth < Self.memoryBound, "peak RSS grew by \(growth / 1_048_576) MB")
        try await server.shutdown()
    }

    @Test func uploadStreamsFromAFile() async throws {
        let server = try await TestServer.start()
        let client = try HTTPClient()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("upload.bin")
        try Self.writePattern(to: path, length: Self.size)
        var response: HTTPResponse?
        let growth = try await ProcessMemory.peakGrowth {
            response = try await client.execute(
                HTTPRequest(method: .put, url: server.url("/upload"), body: .file(path: path)))
        }
        let report = try JSONDecoder().decode(UploadReport.self, from: Data(response?.body ?? []))
        #expect(report.length == Self.size)
        #expect(report.sha256 == PatternBody.sha256(length: Self.size))
        #expect(growth < Self.memoryBound, "peak RSS grew by \(growth / 1_048_576) MB")
        try await server.shutdown()
    }

    static func writePattern(to path: String, length: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        try PatternBody.forEachPiece(length: length) { try handle.write(contentsOf: Data($0)) }
    }

    static func sha256(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        let hasher = SHA256Hasher()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalize()
    }
}
