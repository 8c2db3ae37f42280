import AWSSignature
import Foundation
import NIOCore
import Testing

@testable import LocalS3

@Suite("Large bodies and metadata reads")
struct LargeBodyTests {
    /// Sends a signed PUT whose body arrives in chunks of `chunkSize` bytes.
    func put(_ harness: Harness, _ target: String, body: [UInt8], chunkSize: Int) async throws -> S3Response {
        var request = SignableRequest(method: "PUT", target: target, headers: [("Host", harness.host)])
        request.headers.append(("Content-Length", String(body.count)))
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: Harness.accessKey, secretAccessKey: Harness.secretKey),
            region: "us-east-1", service: "s3")
        let signed = try signer.sign(request, payloadHash: Digest.sha256Hex(body), date: harness.clock.date)
        let s3Request = try S3Request(method: "PUT", target: target, headers: HeaderList(signed.headers))
        return await harness.service.handle(s3Request, body: BufferedBody(body, chunkSize: chunkSize))
    }

    @Test(
        "a body in 1 MiB chunks (written beside its hashing, writeback started every 8 MiB) is stored whole")
    func largeChunkedBody() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let block = (0..<65536).map { _ in UInt8.random(in: 0...255) }
        var body: [UInt8] = []
        for index in 0..<320 { body += [UInt8(truncatingIfNeeded: index)] + block.dropFirst() }
        body += block.prefix(12345)
        let md5 = Hex.encode(Digest.hash(.md5, body))
        for chunkSize in [1 << 20, 200_000, 7000] {
            let response = try await put(harness, "/bkt/large", body: body, chunkSize: chunkSize)
            #expect(response.status == 200, "\(response.text)")
            #expect(response.header("ETag") == "\"\(md5)\"")
            let whole = try await harness.send("GET", "/bkt/large")
            #expect(Hex.encode(Digest.hash(.md5, try whole.collectBody())) == md5)
            let range = try await harness.send("GET", "/bkt/large", headers: [("Range", "bytes=9000000-17000000")])
            #expect(range.status == 206)
            let expected = Digest.hash(.md5, body[9_000_000...17_000_000])
            #expect(Digest.hash(.md5, try range.collectBody()) == expected)
        }
    }

    @Test("metadata is read again whenever an object is replaced, even by one of the same size")
    func replacedObjectsShowTheirOwnMetadata() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        for round in 0..<30 {
            let text = String(repeating: String(round % 10), count: 8)
            let type = "text/plain-\(round)"
            try await harness.put("same-size", text, headers: [("Content-Type", type)])
            let head = try await harness.send("HEAD", "/bkt/same-size")
            let get = try await harness.send("GET", "/bkt/same-size")
            for response in [head, get] {
                #expect(response.header("Content-Type") == type)
                #expect(response.header("ETag") == "\"\(Hex.encode(Digest.hash(.md5, Array(text.utf8))))\"")
            }
            #expect(get.text == text)
            if round % 3 == 0 {
                let deleted = try await harness.send("DELETE", "/bkt/same-size")
                #expect(deleted.status == 204)
            }
        }
    }
}
