import AWSSignature
import Foundation
import Testing

@testable import LocalS3

@Suite("Authentication")
struct AuthTests {
    /// AWS's documentation examples use host examplebucket.s3.amazonaws.com at 2013-05-24T00:00:00Z.
    static let docDate = Date(timeIntervalSince1970: 1_369_353_600)
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    func docHarness() async throws -> Harness {
        let harness = try Harness(now: Self.docDate)
        try harness.store.createBucket("examplebucket", now: Self.docDate)
        try await harness.store.putObject(
            bucket: "examplebucket", key: ObjectKey("test.txt"), data: Array("0123456789abcdef".utf8), now: Self.docDate
        )
        return harness
    }

    @Test("SigV4 header auth accepts AWS's GET-with-range example and refuses a tampered one")
    func headerVector() async throws {
        let harness = try await docHarness()
        defer { harness.cleanUp() }
        let signature = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        func headers(_ signature: String) -> [(name: String, value: String)] {
            [
                ("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"),
                ("x-amz-content-sha256", Self.emptyHash), ("x-amz-date", "20130524T000000Z"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=\(signature)"
                ),
            ]
        }
        let good = try await harness.sendRaw("GET", "/test.txt", headers: headers(signature))
        #expect(good.status == 206)
        #expect(good.text == "0123456789")
        let tampered = try await harness.sendRaw("GET", "/test.txt", headers: headers("0" + signature.dropFirst()))
        #expect(tampered.status == 403)
        #expect(tampered.errorCode == "SignatureDoesNotMatch")
        harness.clock.advance(seconds: 16 * 60)
        let skewed = try await harness.sendRaw("GET", "/test.txt", headers: headers(signature))
        #expect(skewed.errorCode == "RequestTimeTooSkewed")
    }

    @Test("SigV4 presigned URL: valid until X-Amz-Expires, then 'Request has expired'; tampering is refused")
    func presignedV4() async throws {
        let harness = try await docHarness()
        defer { harness.cleanUp() }
        let query =
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
        let signature = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        let headers: [(name: String, value: String)] = [("Host", "examplebucket.s3.amazonaws.com")]
        let good = try await harness.sendRaw("GET", "/test.txt?\(query)&X-Amz-Signature=\(signature)", headers: headers)
        #expect(good.status == 200)
        let tampered = try await harness.sendRaw(
            "GET", "/test.txt?\(query.replacingOccurrences(of: "86400", with: "86401"))&X-Amz-Signature=\(signature)",
            headers: headers)
        #expect(tampered.errorCode == "SignatureDoesNotMatch")
        harness.clock.advance(seconds: 86_401)
        let expired = try await harness.sendRaw(
            "GET", "/test.txt?\(query)&X-Amz-Signature=\(signature)", headers: headers)
        #expect(expired.status == 403)
        #expect(expired.errorCode == "AccessDenied")
        #expect(expired.xmlValue("Message") == "Request has expired")
        let tooLong = try await harness.sendRaw(
            "GET", "/test.txt?\(query.replacingOccurrences(of: "86400", with: "604801"))&X-Amz-Signature=\(signature)",
            headers: headers)
        #expect(tooLong.status == 403)
        #expect(tooLong.errorCode == "AuthorizationQueryParametersError")
    }

    @Test("SigV2 presigned URL (boto3's default in us-east-1) with a response override, expiry and tampering")
    func presignedV2() async throws {
        let harness = try Harness(now: Date(timeIntervalSince1970: 1_767_323_045))
        defer { harness.cleanUp() }
        try harness.store.createBucket("documents", now: harness.clock.date)
        try await harness.store.putObject(
            bucket: "documents", key: ObjectKey("job-42/cover.docx"), data: Array("docx".utf8), now: harness.clock.date
        )
        let headers: [(name: String, value: String)] = [("Host", "127.0.0.1:9000")]
        let disposition = "response-content-disposition=attachment%3B%20filename%3D%22cover.docx%22"
        let target =
            "/documents/job-42/cover.docx?\(disposition)&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=fvRPdS2H5S2DFMFzVstBTZ5mnzw%3D&Expires=1767326645"
        let good = try await harness.sendRaw("GET", target, headers: headers)
        #expect(good.status == 200)
        #expect(good.header("Content-Disposition") == "attachment; filename=\"cover.docx\"")
        #expect(good.text == "docx")
        let plain = try await harness.sendRaw(
            "GET",
            "/documents/job-42/cover.docx?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=w1F%2BKkFY1xKdHL4mw68D72S9uto%3D&Expires=1767326645",
            headers: headers)
        #expect(plain.status == 200)
        let tampered = try await harness.sendRaw(
            "GET", target.replacingOccurrences(of: "cover.docx%22", with: "evil.exe%22"), headers: headers)
        #expect(tampered.errorCode == "SignatureDoesNotMatch")
        let malformed = try await harness.sendRaw(
            "GET", target.replacingOccurrences(of: "fvRPdS2H", with: "fvRP"), headers: headers)
        #expect(malformed.errorCode == "SignatureDoesNotMatch")
        harness.clock.advance(seconds: 3601)
        let expired = try await harness.sendRaw("GET", target, headers: headers)
        #expect(expired.status == 403)
        #expect(expired.xmlValue("Message") == "Request has expired")
    }

    @Test("anonymous requests may only read from website or public-read buckets; wrong keys are refused")
    func anonymous() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("k", "v")
        let headers: [(name: String, value: String)] = [("Host", harness.host)]
        #expect(try await harness.sendRaw("GET", "/bkt/k", headers: headers).status == 403)
        #expect(try await harness.sendRaw("PUT", "/bkt/k2", headers: headers, body: [1]).status == 403)
        #expect(try await harness.sendRaw("GET", "/bkt", headers: headers).status == 403)
        try harness.store.updateBucketConfiguration("bkt") {
            $0.website = WebsiteConfiguration(indexSuffix: "index.html")
        }
        #expect(try await harness.sendRaw("GET", "/bkt/k", headers: headers).status == 200)
        #expect(try await harness.sendRaw("PUT", "/bkt/k2", headers: headers, body: [1]).status == 403)

        let other = S3Service(store: harness.store, credentials: S3Credentials(), clock: harness.clock)
        #expect(S3Credentials.defaultAccessKey == "test" && S3Credentials.defaultSecretKey == "test")
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "nobody", secretAccessKey: "x"), region: "us-east-1", service: "s3"
        )
        let signed = try signer.sign(
            SignableRequest(method: "GET", target: "/bkt/k", headers: [("Host", harness.host)]),
            payloadHash: Self.emptyHash, date: harness.clock.date)
        let response = await other.handle(
            try S3Request(method: "GET", target: "/bkt/k", headers: HeaderList(signed.headers)), body: EmptyBody())
        #expect(response.status == 403)
        #expect(response.errorCode == "InvalidAccessKeyId")
    }

    @Test("x-amz-content-sha256 must match the body")
    func payloadHash() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let response = try await harness.send(
            "PUT", "/bkt/k", body: Array("hello".utf8), payloadHash: Digest.sha256Hex(Array("other".utf8)))
        #expect(response.status == 400)
        #expect(response.errorCode == "XAmzContentSHA256Mismatch")
        #expect(try await harness.send("GET", "/bkt/k").status == 404)
    }

    @Test("signed aws-chunked body: AWS's streaming example is accepted; a corrupted chunk is refused")
    func streamingSigned() async throws {
        let harness = try Harness(now: Self.docDate)
        defer { harness.cleanUp() }
        try harness.store.createBucket("examplebucket", now: Self.docDate)
        let seed = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"
        let chunks = [
            (65536, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"),
            (1024, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"),
            (0, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"),
        ]
        func body(corrupt: Bool) -> [UInt8] {
            var bytes: [UInt8] = []
            for (size, signature) in chunks {
                bytes += Array("\(String(size, radix: 16));chunk-signature=\(signature)\r\n".utf8)
                bytes += [UInt8](repeating: UInt8(ascii: "a"), count: size)
                bytes += Array("\r\n".utf8)
            }
            if corrupt { bytes[200] = UInt8(ascii: "b") }
            return bytes
        }
        let headers: [(name: String, value: String)] = [
            ("Host", "s3.amazonaws.com"), ("x-amz-date", "20130524T000000Z"),
            ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=\(seed)"
            ),
            ("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), ("Content-Encoding", "aws-chunked"),
            ("x-amz-decoded-content-length", "66560"), ("Content-Length", "66824"),
        ]
        #expect(body(corrupt: false).count == 66824)
        let bad = try await harness.sendRaw(
            "PUT", "/examplebucket/chunkObject.txt", headers: headers, body: body(corrupt: true))
        #expect(bad.errorCode == "SignatureDoesNotMatch")
        #expect(throws: S3Error.self) {
            try harness.store.openObject(bucket: "examplebucket", key: ObjectKey("chunkObject.txt"))
        }
        let good = try await harness.sendRaw(
            "PUT", "/examplebucket/chunkObject.txt", headers: headers, body: body(corrupt: false))
        #expect(good.status == 200, "\(good.text)")
        let stored = try harness.store.openObject(bucket: "examplebucket", key: ObjectKey("chunkObject.txt"))
        #expect(try stored.readAll() == [UInt8](repeating: UInt8(ascii: "a"), count: 66560))
        #expect(stored.metadata.contentEncoding == nil, "aws-chunked is not stored as a content encoding")
    }

    @Test("STREAMING-UNSIGNED-PAYLOAD-TRAILER body: framing removed, trailing CRC32 checked")
    func unsignedTrailer() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        func put(_ crc: String) async throws -> S3Response {
            let body = Array("b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:\(crc)\r\n\r\n".utf8)
            return try await harness.send(
                "PUT", "/bkt/trailer",
                headers: [
                    ("Content-Encoding", "aws-chunked"), ("x-amz-trailer", "x-amz-checksum-crc32"),
                    ("x-amz-decoded-content-length", "11"), ("x-amz-sdk-checksum-algorithm", "CRC32"),
                ], body: body, payloadHash: "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
        }
        let bad = try await put("AAAAAA==")
        #expect(bad.errorCode == "BadDigest")
        let good = try await put("DUoRhQ==")
        #expect(good.status == 200)
        #expect(good.header("x-amz-checksum-crc32") == "DUoRhQ==")
        let get = try await harness.send("GET", "/bkt/trailer", headers: [("x-amz-checksum-mode", "ENABLED")])
        #expect(get.text == "hello world")
        #expect(get.header("x-amz-checksum-crc32") == "DUoRhQ==")
    }

    @Test("SigV2 header auth: AWS's documented example verifies; a tampered signature or stale date is refused")
    func sigV2Header() async throws {
        let harness = try Harness(now: Date(timeIntervalSince1970: 1_175_024_202))  // 2007-03-27T19:36:42Z
        defer { harness.cleanUp() }
        func get(_ signature: String) async throws -> S3Response {
            try await harness.sendRaw(
                "GET", "/awsexamplebucket1/photos/puppy.jpg",
                headers: [
                    ("Host", harness.host), ("Date", "Tue, 27 Mar 2007 19:36:42 +0000"),
                    ("Authorization", "AWS \(Harness.accessKey):\(signature)"),
                ])
        }
        #expect(try await get("qgk2+6Sv9/oM7G3qLEjTH1a1l1g=").errorCode == "NoSuchBucket")
        let tampered = try await get("qgk2+6Sv9/oM7G3qLEjTH1a1l1h=")
        #expect(tampered.errorCode == "SignatureDoesNotMatch")
        #expect(
            tampered.xmlValue("StringToSign")
                == "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg")
        harness.clock.advance(seconds: 3600)
        #expect(try await get("qgk2+6Sv9/oM7G3qLEjTH1a1l1g=").errorCode == "RequestTimeTooSkewed")
    }
}
