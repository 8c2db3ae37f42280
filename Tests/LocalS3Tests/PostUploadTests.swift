import AWSSignature
import Foundation
import Testing

@testable import LocalS3

@Suite("POST form uploads")
struct PostUploadTests {
    static let boundary = "----LocalS3Boundary7MA4YWxkTrZu0gW"

    /// A signed form for `key` whose file is `file`, delivered in chunks of `chunkSize` bytes.
    static func form(_ harness: Harness, key: String, file: [UInt8], extra: [(String, String)] = []) -> [UInt8] {
        let date = AmzDate(harness.clock.date)
        let credential = "\(Harness.accessKey)/\(date.dateStamp)/us-east-1/s3/aws4_request"
        let expiration = HTTPDate.iso8601(harness.clock.date.addingTimeInterval(600))
        let policyJSON = """
            {"expiration":"\(expiration)","conditions":[{"bucket":"bkt"},["starts-with","$key","in/"],\
            {"x-amz-algorithm":"AWS4-HMAC-SHA256"},{"x-amz-credential":"\(credential)"},\
            {"x-amz-date":"\(date.timestamp)"},["content-length-range",0,1000000]]}
            """
        let policy = Base64.encode(Array(policyJSON.utf8))
        let scope = CredentialScope(dateStamp: date.dateStamp, region: "us-east-1", service: "s3")
        let signature = SigningKey(secretAccessKey: Harness.secretKey, scope: scope).signature(of: policy)
        let fields =
            [
                ("key", key), ("policy", policy), ("x-amz-algorithm", "AWS4-HMAC-SHA256"),
                ("x-amz-credential", credential), ("x-amz-date", date.timestamp), ("x-amz-signature", signature),
            ] + extra
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n".utf8)
        body += file
        body += Array(
            "\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nx\r\n--\(boundary)--\r\n".utf8)
        return body
    }

    static func post(_ harness: Harness, _ body: [UInt8], chunkSize: Int) async throws -> S3Response {
        let request = try S3Request(
            method: "POST", target: "/bkt",
            headers: HeaderList([
                ("Host", harness.host), ("Content-Type", "multipart/form-data; boundary=\(boundary)"),
            ]))
        return await harness.service.handle(request, body: BufferedBody(body, chunkSize: chunkSize))
    }

    @Test("a file holding boundary-like bytes survives any chunking; fields after the file are ignored")
    func chunking() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let file = Array("\r\n--\(Self.boundary.dropLast())x\r\n-".utf8) + (0..<3000).map { UInt8($0 % 251) }
        for chunkSize in [1, 7, 64, 100_000] {
            let response = try await Self.post(
                harness, Self.form(harness, key: "in/\(chunkSize)", file: file), chunkSize: chunkSize)
            #expect(response.status == 204, "\(chunkSize): \(response.text)")
            #expect(try harness.store.openObject(bucket: "bkt", key: ObjectKey("in/\(chunkSize)")).readAll() == file)
        }
    }

    @Test("conditions, pre-file size limit and a missing policy are refused")
    func refusals() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let outside = try await Self.post(harness, Self.form(harness, key: "out/k", file: [1]), chunkSize: 64)
        #expect(outside.status == 403)
        #expect(outside.xmlValue("Message")?.hasPrefix("Invalid according to Policy: Policy Condition failed") == true)
        let huge = Self.form(
            harness, key: "in/k", file: [1], extra: [("x-ignore-padding", String(repeating: "p", count: 21_000))])
        let tooLarge = try await Self.post(harness, huge, chunkSize: 4096)
        #expect(tooLarge.errorCode == "MaxPostPreDataLengthExceededError", "\(tooLarge.status) \(tooLarge.text)")
        let unsigned = Array(
            "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nin/k\r\n--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\nx\r\n--\(Self.boundary)--\r\n"
                .utf8)
        let anonymous = try await Self.post(harness, unsigned, chunkSize: 64)
        #expect(anonymous.status == 403)
        #expect(anonymous.errorCode == "AccessDenied")
    }
}
