import Foundation
import Testing

@testable import LocalS3

@Suite("Bucket operations")
struct BucketOperationTests {
    @Test("create, re-create, head, list, delete (BucketNotEmpty, NoSuchBucket, InvalidBucketName)")
    func lifecycle() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("k", "v")
        #expect(try await harness.send("PUT", "/bkt").status == 200, "us-east-1 answers 200 to a re-create")
        #expect(try await harness.send("GET", "/bkt/k").text == "v", "re-creating keeps the contents")
        #expect(try await harness.send("PUT", "/Bad_Name").errorCode == "InvalidBucketName")
        #expect(try await harness.send("HEAD", "/bkt").header("x-amz-bucket-region") == "us-east-1")
        #expect(try await harness.send("HEAD", "/nope").status == 404)
        let list = try await harness.send("GET", "/")
        #expect(list.xmlValues("Name") == ["bkt"])
        let notEmpty = try await harness.send("DELETE", "/bkt")
        #expect(notEmpty.status == 409)
        #expect(notEmpty.errorCode == "BucketNotEmpty")
        #expect(try await harness.send("DELETE", "/bkt/k").status == 204)
        #expect(try await harness.send("DELETE", "/bkt").status == 204)
        #expect(try await harness.send("DELETE", "/bkt").errorCode == "NoSuchBucket")

        let europe = try Harness(region: "eu-west-1")
        defer { europe.cleanUp() }
        try await europe.createBucket()
        let again = try await europe.send("PUT", "/bkt")
        #expect(again.status == 409)
        #expect(again.errorCode == "BucketAlreadyOwnedByYou")
    }

    @Test("virtual-host style addressing (bucket.localhost) reaches the same objects")
    func virtualHost() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("dir/k", "v")
        let request = try S3Request(
            method: "GET", target: "/dir/k", headers: HeaderList([("Host", "bkt.localhost:9000")]))
        #expect(request.bucket == "bkt")
        #expect(request.key == ObjectKey("dir/k"))
        let s3Style = try S3Request(
            method: "GET", target: "/", headers: HeaderList([("Host", "my.bucket.s3.amazonaws.com")]))
        #expect(s3Style.bucket == "my.bucket")
        #expect(s3Style.key == nil)
        let pathStyle = try S3Request(
            method: "GET", target: "/bkt//a/../b", headers: HeaderList([("Host", "127.0.0.1:9000")]))
        #expect(pathStyle.key == ObjectKey("/a/../b"))
    }

    @Test("ListObjectsV2: prefix, delimiter, max-keys, continuation without repeats, start-after, url encoding")
    func listV2() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        for key in ["a/1", "a/2", "b", "c/1", "c/2", "c/3", "d e", "d+f"] { try await harness.put(key, "x") }
        var seen: [String] = []
        var token: String?
        repeat {
            var target = "/bkt?list-type=2&delimiter=%2F&max-keys=2"
            if let token { target += "&continuation-token=\(token)" }
            let page = try await harness.send("GET", target)
            seen += page.xmlValues("Key") + page.xmlValues("Prefix").filter { !$0.isEmpty }
            token = page.xmlValue("NextContinuationToken")
            #expect(page.xmlValue("KeyCount") == "2" || token == nil)
        } while token != nil
        #expect(seen.sorted() == ["a/", "b", "c/", "d e", "d+f"])
        let prefixed = try await harness.send("GET", "/bkt?list-type=2&prefix=c%2F&start-after=c%2F1")
        #expect(prefixed.xmlValues("Key") == ["c/2", "c/3"])
        let encoded = try await harness.send("GET", "/bkt?list-type=2&prefix=d&encoding-type=url")
        #expect(encoded.xmlValues("Key") == ["d%20e", "d%2Bf"])
        #expect(encoded.xmlValue("EncodingType") == "url")
        let zero = try await harness.send("GET", "/bkt?list-type=2&max-keys=0")
        #expect(zero.xmlValue("IsTruncated") == "false")
        #expect(zero.xmlValues("Key").isEmpty)
        #expect(try await harness.send("GET", "/bkt?list-type=2&max-keys=blah").errorCode == "InvalidArgument")
        #expect(try await harness.send("GET", "/nope?list-type=2").errorCode == "NoSuchBucket")
    }

    @Test("ListObjects v1 markers and ListObjectVersions' null versions")
    func listV1AndVersions() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        for key in ["a", "b/1", "b/2", "c"] { try await harness.put(key, "x") }
        let first = try await harness.send("GET", "/bkt?delimiter=%2F&max-keys=2")
        #expect(first.xmlValues("Key") == ["a"])
        #expect(first.xmlValue("NextMarker") == "b/")
        let second = try await harness.send("GET", "/bkt?delimiter=%2F&marker=b%2F")
        #expect(second.xmlValues("Key") == ["c"])
        let versions = try await harness.send("GET", "/bkt?versions")
        #expect(versions.xmlValues("VersionId") == ["null", "null", "null", "null"])
        #expect(try await harness.send("GET", "/bkt?logging").errorCode == "NotImplemented")
    }

    @Test("multipart: out-of-order parts, md5-of-md5s ETag, partNumber reads, EntityTooSmall, InvalidPart, abort")
    func multipart() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let create = try await harness.send("POST", "/bkt/big?uploads", headers: [("Content-Type", "text/x-big")])
        let id = try #require(create.xmlValue("UploadId"))
        let partA = [UInt8](repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024)
        let partB = Array("bbbbbbbbbb".utf8)
        let second = try await harness.send("PUT", "/bkt/big?partNumber=2&uploadId=\(id)", body: partB)
        let first = try await harness.send("PUT", "/bkt/big?partNumber=1&uploadId=\(id)", body: partA)
        let etag1 = try #require(first.header("ETag"))
        let etag2 = try #require(second.header("ETag"))
        let parts = try await harness.send("GET", "/bkt/big?uploadId=\(id)")
        #expect(parts.xmlValues("PartNumber") == ["1", "2"])
        let wrong = try await harness.send(
            "POST", "/bkt/big?uploadId=\(id)",
            text:
                "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"00\"</ETag></Part></CompleteMultipartUpload>"
        )
        #expect(wrong.errorCode == "InvalidPart")
        let order = try await harness.send(
            "POST", "/bkt/big?uploadId=\(id)",
            text:
                "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>\(etag2)</ETag></Part><Part><PartNumber>1</PartNumber><ETag>\(etag1)</ETag></Part></CompleteMultipartUpload>"
        )
        #expect(order.errorCode == "InvalidPartOrder")
        let complete = try await harness.send(
            "POST", "/bkt/big?uploadId=\(id)",
            text:
                "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\(etag1)</ETag></Part><Part><PartNumber>2</PartNumber><ETag>\(etag2)</ETag></Part></CompleteMultipartUpload>"
        )
        #expect(complete.status == 200, "\(complete.text)")
        #expect(complete.xmlValue("ETag") == "&quot;8b0be7847da5564ae08e97af63b60885-2&quot;")
        let head = try await harness.send("HEAD", "/bkt/big")
        #expect(head.bodyLength == Int64(partA.count + partB.count))
        #expect(head.header("Content-Type") == "text/x-big")
        let part2 = try await harness.send("GET", "/bkt/big?partNumber=2")
        #expect(part2.status == 206)
        #expect(part2.text == "bbbbbbbbbb")
        #expect(try await harness.send("GET", "/bkt/big?uploadId=\(id)").errorCode == "NoSuchUpload")

        let small = try #require(try await harness.send("POST", "/bkt/small?uploads").xmlValue("UploadId"))
        let s1 = try #require(
            try await harness.send("PUT", "/bkt/small?partNumber=1&uploadId=\(small)", text: "tiny").header("ETag"))
        let s2 = try #require(
            try await harness.send("PUT", "/bkt/small?partNumber=2&uploadId=\(small)", text: "tiny").header("ETag"))
        let tooSmall = try await harness.send(
            "POST", "/bkt/small?uploadId=\(small)",
            text:
                "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\(s1)</ETag></Part><Part><PartNumber>2</PartNumber><ETag>\(s2)</ETag></Part></CompleteMultipartUpload>"
        )
        #expect(tooSmall.errorCode == "EntityTooSmall")
        #expect(try await harness.send("DELETE", "/bkt/small?uploadId=\(small)").status == 204)
        #expect(try await harness.send("DELETE", "/bkt/small?uploadId=\(small)").errorCode == "NoSuchUpload")
        #expect(
            try await harness.send("PUT", "/bkt/small?partNumber=1&uploadId=../../x", text: "x").errorCode
                == "NoSuchUpload")
    }

    @Test("UploadPartCopy copies a byte range of another object; ListMultipartUploads shows uploads in progress")
    func uploadPartCopy() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("source", "0123456789")
        let id = try #require(try await harness.send("POST", "/bkt/dest?uploads").xmlValue("UploadId"))
        let uploads = try await harness.send("GET", "/bkt?uploads")
        #expect(uploads.xmlValues("UploadId") == [id])
        let copied = try await harness.send(
            "PUT", "/bkt/dest?partNumber=1&uploadId=\(id)",
            headers: [("x-amz-copy-source", "bkt/source"), ("x-amz-copy-source-range", "bytes=2-5")])
        #expect(copied.status == 200)
        let etag = try #require(copied.xmlValue("ETag")).replacingOccurrences(of: "&quot;", with: "\"")
        let complete = try await harness.send(
            "POST", "/bkt/dest?uploadId=\(id)",
            text:
                "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\(etag)</ETag></Part></CompleteMultipartUpload>"
        )
        #expect(complete.status == 200)
        #expect(try await harness.send("GET", "/bkt/dest").text == "2345")
        #expect(try await harness.send("GET", "/bkt?uploads").xmlValues("UploadId").isEmpty)
    }

    @Test("CORS: configuration round-trip, preflight answered from the rules, headers on actual requests")
    func cors() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        #expect(try await harness.send("GET", "/bkt?cors").errorCode == "NoSuchCORSConfiguration")
        let config = """
            <CORSConfiguration><CORSRule><AllowedOrigin>http://*.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod>\
            <AllowedHeader>x-custom-*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>60</MaxAgeSeconds></CORSRule></CORSConfiguration>
            """
        #expect(try await harness.send("PUT", "/bkt?cors", text: config).status == 200)
        #expect(try await harness.send("GET", "/bkt?cors").xmlValues("AllowedOrigin") == ["http://*.example.com"])
        func preflight(_ origin: String, _ method: String, _ headers: String? = nil) async throws -> S3Response {
            var fields: [(name: String, value: String)] = [
                ("Host", harness.host), ("Origin", origin), ("Access-Control-Request-Method", method),
            ]
            if let headers { fields.append(("Access-Control-Request-Headers", headers)) }
            return try await harness.sendRaw("OPTIONS", "/bkt/k", headers: fields)
        }
        let allowed = try await preflight("http://app.example.com", "GET", "x-custom-a")
        #expect(allowed.status == 200)
        #expect(allowed.header("Access-Control-Allow-Origin") == "http://app.example.com")
        #expect(allowed.header("Access-Control-Max-Age") == "60")
        #expect(try await preflight("http://evil.com", "GET").status == 403)
        #expect(try await preflight("http://app.example.com", "PUT").status == 403)
        #expect(try await preflight("http://app.example.com", "GET", "x-other").status == 403)
        #expect(try await harness.sendRaw("OPTIONS", "/bkt/k", headers: [("Host", harness.host)]).status == 400)
        try await harness.put("k", "v")
        let actual = try await harness.send("GET", "/bkt/k", headers: [("Origin", "http://app.example.com")])
        #expect(actual.header("Access-Control-Expose-Headers") == "ETag")
        #expect(try await harness.send("DELETE", "/bkt?cors").status == 204)
        #expect(try await preflight("http://app.example.com", "GET").status == 403)
    }

    @Test("website hosting: index documents, directory redirect, error document with 404, anonymous GET only")
    func website() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket("site")
        try await harness.put("index.html", "home", bucket: "site")
        try await harness.put("docs/index.html", "docs home", bucket: "site")
        try await harness.put("error.html", "oops", bucket: "site")
        let config =
            "<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument><ErrorDocument><Key>error.html</Key></ErrorDocument></WebsiteConfiguration>"
        #expect(try await harness.send("PUT", "/site?website", text: config).status == 200)
        #expect(try await harness.send("GET", "/site?website").xmlValue("Suffix") == "index.html")
        func web(_ method: String, _ path: String) async throws -> S3Response {
            try await harness.sendRaw(method, path, headers: [("Host", "site.s3-website.localhost:9000")])
        }
        let root = try await web("GET", "/")
        #expect(root.status == 200)
        #expect(root.text == "home")
        #expect(try await web("GET", "/docs/").text == "docs home")
        let redirect = try await web("GET", "/docs")
        #expect(redirect.status == 302)
        #expect(redirect.header("Location") == "/docs/")
        let missing = try await web("GET", "/nope")
        #expect(missing.status == 404)
        #expect(missing.text == "oops")
        #expect(try await web("PUT", "/x").status == 405)
    }

    @Test("lifecycle configuration round-trip")
    func lifecycleConfiguration() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        #expect(try await harness.send("GET", "/bkt?lifecycle").errorCode == "NoSuchLifecycleConfiguration")
        let config =
            "<LifecycleConfiguration><Rule><ID>docs</ID><Filter><Prefix>documents/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>7</Days></Expiration></Rule></LifecycleConfiguration>"
        #expect(try await harness.send("PUT", "/bkt?lifecycle", text: config).status == 200)
        let stored = try harness.store.bucketConfiguration("bkt").lifecycle
        #expect(stored == [LifecycleRule(id: "docs", prefix: "documents/", enabled: true, expirationDays: 7)])
        #expect(try await harness.send("GET", "/bkt?lifecycle").xmlValue("Days") == "7")
    }
}
