import AWSSignature
import Foundation
import Testing

@testable import LocalS3

@Suite("Object operations")
struct ObjectOperationTests {
    @Test("GET ranges: closed, open, suffix, clamped, 416 past the end, malformed ignored")
    func ranges() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("k", "0123456789")
        let cases: [(String, Int, String, String?)] = [
            ("bytes=2-5", 206, "2345", "bytes 2-5/10"), ("bytes=7-", 206, "789", "bytes 7-9/10"),
            ("bytes=-3", 206, "789", "bytes 7-9/10"), ("bytes=5-100", 206, "56789", "bytes 5-9/10"),
            ("bytes=-100", 206, "0123456789", "bytes 0-9/10"), ("bytes=abc", 200, "0123456789", nil),
            ("bytes=5-2", 200, "0123456789", nil),
        ]
        for (range, status, body, contentRange) in cases {
            let response = try await harness.send("GET", "/bkt/k", headers: [("Range", range)])
            #expect(response.status == status, "\(range)")
            #expect(response.text == body, "\(range)")
            #expect(response.header("Content-Range") == contentRange, "\(range)")
        }
        let past = try await harness.send("GET", "/bkt/k", headers: [("Range", "bytes=10-")])
        #expect(past.status == 416)
        #expect(past.errorCode == "InvalidRange")
        try await harness.put("empty", "")
        #expect(try await harness.send("GET", "/bkt/empty", headers: [("Range", "bytes=0-")]).status == 416)
    }

    @Test("conditional GET: If-Match/If-None-Match/If-Modified-Since/If-Unmodified-Since")
    func conditionals() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("k", "bar")
        let etag = "\"37b51d194a7513e45b56f6524f2d51f2\""
        let before = HTTPDate.imf(harness.clock.date.addingTimeInterval(-3600))
        let after = HTTPDate.imf(harness.clock.date.addingTimeInterval(3600))
        let cases: [([(String, String)], Int)] = [
            ([("If-Match", etag)], 200), ([("If-Match", "\"nope\"")], 412), ([("If-None-Match", etag)], 304),
            ([("If-None-Match", "\"nope\"")], 200), ([("If-Modified-Since", after)], 304),
            ([("If-Modified-Since", before)], 200), ([("If-Unmodified-Since", before)], 412),
            ([("If-Unmodified-Since", after)], 200), ([("If-Match", etag), ("If-Unmodified-Since", before)], 200),
            ([("If-None-Match", "\"nope\""), ("If-Modified-Since", after)], 200),
        ]
        for (headers, status) in cases {
            let response = try await harness.send("GET", "/bkt/k", headers: headers)
            #expect(response.status == status, "\(headers)")
            if status == 304 { #expect(response.header("ETag") == etag) }
            if status == 412 { #expect(response.errorCode == "PreconditionFailed") }
        }
    }

    @Test("response-* overrides replace stored headers; checksums only on full-object reads")
    func overridesAndChecksumMode() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put(
            "k", "hello world",
            headers: [
                ("x-amz-checksum-crc32", "DUoRhQ=="), ("Content-Type", "text/plain"), ("x-amz-meta-Job-Id", "42"),
            ])
        let overrides = [
            ("response-content-type", "Content-Type", "application/x-test"),
            ("response-content-disposition", "Content-Disposition", "attachment; filename=\"a.txt\""),
            ("response-content-encoding", "Content-Encoding", "identity"),
            ("response-content-language", "Content-Language", "fi"),
            ("response-cache-control", "Cache-Control", "no-store"),
            ("response-expires", "Expires", "Thu, 01 Jan 2037 00:00:00 GMT"),
        ]
        let query = overrides.map { "\($0.0)=\(PercentCoding.encode(Array($0.2.utf8)))" }.joined(separator: "&")
        let response = try await harness.send("GET", "/bkt/k?\(query)", headers: [("x-amz-checksum-mode", "ENABLED")])
        for (_, header, value) in overrides { #expect(response.header(header) == value) }
        #expect(response.header("x-amz-meta-job-id") == "42")
        #expect(response.header("x-amz-checksum-crc32") == "DUoRhQ==")
        let partial = try await harness.send(
            "GET", "/bkt/k", headers: [("x-amz-checksum-mode", "ENABLED"), ("Range", "bytes=0-1")])
        #expect(partial.status == 206)
        #expect(partial.header("x-amz-checksum-crc32") == nil)
        let head = try await harness.send("HEAD", "/bkt/k")
        #expect(head.header("Content-Type") == "text/plain")
        #expect(head.bodyLength == 11)
    }

    @Test("PutObject checks Content-MD5 and flexible checksums; replacing an object replaces its metadata")
    func putDigests() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let badMD5 = try await harness.send(
            "PUT", "/bkt/k", headers: [("Content-MD5", Base64.encode(Digest.md5(Array("x".utf8))))], text: "bar")
        #expect(badMD5.errorCode == "BadDigest")
        let invalidMD5 = try await harness.send("PUT", "/bkt/k", headers: [("Content-MD5", "nope")], text: "bar")
        #expect(invalidMD5.errorCode == "InvalidDigest")
        let badCRC = try await harness.send(
            "PUT", "/bkt/k", headers: [("x-amz-checksum-crc32", "AAAAAA==")], text: "bar")
        #expect(badCRC.errorCode == "BadDigest")
        let sha = Base64.encode(Digest.sha256(Array("bar".utf8)))
        let good = try await harness.send(
            "PUT", "/bkt/k",
            headers: [
                ("Content-MD5", Base64.encode(Digest.md5(Array("bar".utf8)))), ("x-amz-checksum-sha256", sha),
                ("x-amz-meta-a", "1"),
            ],
            text: "bar")
        #expect(good.status == 200)
        #expect(good.header("ETag") == "\"37b51d194a7513e45b56f6524f2d51f2\"")
        #expect(good.header("x-amz-checksum-sha256") == sha)
        let sha512 = Base64.encode(Digest.hash(.sha512, Array("qux".utf8)))
        let put512 = try await harness.send(
            "PUT", "/bkt/k512", headers: [("x-amz-checksum-sha512", sha512)], text: "qux")
        #expect(put512.header("x-amz-checksum-sha512") == sha512)
        try await harness.put("k", "baz", headers: [("x-amz-meta-b", "2")])
        let head = try await harness.send("HEAD", "/bkt/k")
        #expect(head.header("x-amz-meta-a") == nil)
        #expect(head.header("x-amz-meta-b") == "2")
        #expect(head.header("Content-Type") == "binary/octet-stream")
        let tooLong = try await harness.send("PUT", "/bkt/" + String(repeating: "k", count: 1025), text: "x")
        #expect(tooLong.errorCode == "KeyTooLongError")
        let noBucket = try await harness.send("PUT", "/missing/k", text: "x")
        #expect(noBucket.status == 404)
        #expect(noBucket.errorCode == "NoSuchBucket")
        #expect(noBucket.xmlValue("RequestId") == noBucket.header("x-amz-request-id"))
    }

    @Test("GET/HEAD/DELETE of missing keys")
    func missing() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let get = try await harness.send("GET", "/bkt/nope")
        #expect(get.status == 404)
        #expect(get.errorCode == "NoSuchKey")
        #expect(get.xmlValue("Key") == "nope")
        #expect(get.header("Date") == HTTPDate.imf(harness.clock.date))
        #expect(HTTPDate.parse(HTTPDate.imf(harness.clock.date)) == harness.clock.date)
        let head = try await harness.send("HEAD", "/bkt/nope")
        #expect(head.status == 404)
        #expect(head.bodyLength == 0)
        #expect(try await harness.send("DELETE", "/bkt/nope").status == 204)
    }

    @Test("CopyObject: COPY keeps metadata, REPLACE takes the request's, self-copy needs REPLACE, preconditions")
    func copy() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put(
            "src key", "data", headers: [("Content-Type", "text/x-src"), ("x-amz-meta-origin", "src")])
        let copied = try await harness.send("PUT", "/bkt/dst", headers: [("x-amz-copy-source", "/bkt/src%20key")])
        #expect(copied.status == 200)
        #expect(copied.xmlValue("ETag") == "&quot;8d777f385d3dfec8815d20f7496026dc&quot;")
        let copiedHead = try await harness.send("HEAD", "/bkt/dst")
        #expect(copiedHead.header("Content-Type") == "text/x-src")
        #expect(copiedHead.header("x-amz-meta-origin") == "src")
        let replaced = try await harness.send(
            "PUT", "/bkt/dst",
            headers: [
                ("x-amz-copy-source", "bkt/src%20key"), ("x-amz-metadata-directive", "REPLACE"),
                ("Content-Type", "text/x-new"),
            ])
        #expect(replaced.status == 200)
        let replacedHead = try await harness.send("HEAD", "/bkt/dst")
        #expect(replacedHead.header("Content-Type") == "text/x-new")
        #expect(replacedHead.header("x-amz-meta-origin") == nil)
        let toItself = try await harness.send("PUT", "/bkt/dst", headers: [("x-amz-copy-source", "bkt/dst")])
        #expect(toItself.errorCode == "InvalidRequest")
        let precondition = try await harness.send(
            "PUT", "/bkt/dst2",
            headers: [("x-amz-copy-source", "bkt/src%20key"), ("x-amz-copy-source-if-match", "\"nope\"")])
        #expect(precondition.status == 412)
        let missing = try await harness.send("PUT", "/bkt/dst2", headers: [("x-amz-copy-source", "bkt/none")])
        #expect(missing.errorCode == "NoSuchKey")
    }

    @Test("DeleteObjects: deletes, reports missing keys as deleted, quiet mode, 1000-key limit")
    func deleteObjects() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("a", "1")
        try await harness.put("b", "2")
        let body =
            "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>a</Key></Object><Object><Key>missing</Key></Object></Delete>"
        let response = try await harness.send("POST", "/bkt?delete", text: body)
        #expect(response.status == 200)
        #expect(response.xmlValues("Key") == ["a", "missing"])
        let quiet = try await harness.send(
            "POST", "/bkt?delete", text: "<Delete><Quiet>true</Quiet><Object><Key>b</Key></Object></Delete>")
        #expect(quiet.xmlValues("Deleted").isEmpty)
        #expect(try await harness.send("GET", "/bkt/b").status == 404)
        let many = "<Delete>" + (0...1000).map { "<Object><Key>k\($0)</Key></Object>" }.joined() + "</Delete>"
        #expect(try await harness.send("POST", "/bkt?delete", text: many).errorCode == "MalformedXML")
        #expect(try await harness.send("POST", "/bkt?delete", text: "<Delete><Object>").errorCode == "MalformedXML")
    }
}
