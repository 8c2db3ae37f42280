import AWSSignature
import Foundation
import Testing

@testable import LocalS3

@Suite("Tagging, object attributes, metadata encoding")
struct TaggingTests {
    static func tagging(_ pairs: [(String, String)]) -> String {
        "<Tagging><TagSet>"
            + pairs.map { "<Tag><Key>\($0.0)</Key><Value>\($0.1)</Value></Tag>" }.joined()
            + "</TagSet></Tagging>"
    }

    @Test("object tags: x-amz-tagging on PUT, tag count on GET, ?tagging round trip, S3's limits")
    func objectTags() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("k", "body", headers: [("x-amz-tagging", "a=1&b=two%20words&c=")])
        let head = try await harness.send("HEAD", "/bkt/k")
        #expect(head.header("x-amz-tagging-count") == "3")
        let etag = head.header("ETag")
        let got = try await harness.send("GET", "/bkt/k?tagging")
        #expect(got.xmlValues("Key") == ["a", "b", "c"])
        #expect(got.xmlValues("Value") == ["1", "two words", ""])

        let put = try await harness.send("PUT", "/bkt/k?tagging", text: Self.tagging([("env", "prod")]))
        #expect(put.status == 200)
        let after = try await harness.send("GET", "/bkt/k")
        #expect(after.header("x-amz-tagging-count") == "1")
        #expect(after.header("ETag") == etag)
        #expect(after.text == "body")

        let eleven = (0..<11).map { ("k\($0)", "v") }
        let tooMany = try await harness.send("PUT", "/bkt/k?tagging", text: Self.tagging(eleven))
        #expect(tooMany.status == 400)
        #expect(tooMany.errorCode == "BadRequest")
        #expect(tooMany.xmlValue("Message") == "Object tags cannot be greater than 10")
        let cases: [[(String, String)]] = [
            [("a", "1"), ("a", "2")], [(String(repeating: "k", count: 129), "v")],
            [("k", String(repeating: "v", count: 257))], [("aws:reserved", "v")], [("bad#key", "v")],
        ]
        for tags in cases {
            let response = try await harness.send("PUT", "/bkt/k?tagging", text: Self.tagging(tags))
            #expect(response.status == 400, "\(tags)")
            #expect(response.errorCode == "InvalidTag", "\(tags)")
        }
        let header = try await harness.send(
            "PUT", "/bkt/other", headers: [("x-amz-tagging", "x=1&x=2")], text: "v")
        #expect(header.errorCode == "InvalidTag")

        #expect(try await harness.send("DELETE", "/bkt/k?tagging").status == 204)
        #expect(try await harness.send("GET", "/bkt/k").header("x-amz-tagging-count") == nil)
        #expect(try await harness.send("GET", "/bkt/k?tagging").xmlValues("Tag").isEmpty)
        #expect(try await harness.send("GET", "/bkt/none?tagging").errorCode == "NoSuchKey")
    }

    @Test("CopyObject copies tags by default and replaces them with x-amz-tagging-directive REPLACE")
    func copyTags() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("src", "v", headers: [("x-amz-tagging", "a=1")])
        _ = try await harness.send("PUT", "/bkt/copy", headers: [("x-amz-copy-source", "/bkt/src")])
        #expect(try await harness.send("GET", "/bkt/copy?tagging").xmlValues("Key") == ["a"])
        _ = try await harness.send(
            "PUT", "/bkt/replaced",
            headers: [
                ("x-amz-copy-source", "/bkt/src"), ("x-amz-tagging-directive", "REPLACE"), ("x-amz-tagging", "b=2"),
            ])
        #expect(try await harness.send("GET", "/bkt/replaced?tagging").xmlValues("Key") == ["b"])
    }

    @Test("bucket tags: NoSuchTagSet until set, 50 at most, deleted again")
    func bucketTags() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let none = try await harness.send("GET", "/bkt?tagging")
        #expect(none.status == 404)
        #expect(none.errorCode == "NoSuchTagSet")
        #expect(try await harness.send("PUT", "/bkt?tagging", text: Self.tagging([("team", "s3")])).status == 204)
        #expect(try await harness.send("GET", "/bkt?tagging").xmlValues("Value") == ["s3"])
        let many = (0..<51).map { ("k\($0)", "v") }
        #expect(try await harness.send("PUT", "/bkt?tagging", text: Self.tagging(many)).errorCode == "BadRequest")
        #expect(try await harness.send("DELETE", "/bkt?tagging").status == 204)
        #expect(try await harness.send("GET", "/bkt?tagging").errorCode == "NoSuchTagSet")
    }

    @Test("GetObjectAttributes answers the requested attributes; unknown names are refused")
    func attributes() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("k", "hello", headers: [("x-amz-checksum-crc32", "NhCmhg==")])
        let response = try await harness.send(
            "GET", "/bkt/k?attributes", headers: [("x-amz-object-attributes", "ETag,ObjectSize,Checksum,StorageClass")])
        #expect(response.status == 200, "\(response.text)")
        #expect(response.xmlValue("ETag") == "5d41402abc4b2a76b9719d911017c592")
        #expect(response.xmlValue("ObjectSize") == "5")
        #expect(response.xmlValue("ChecksumCRC32") == "NhCmhg==")
        #expect(response.xmlValue("ChecksumType") == "FULL_OBJECT")
        #expect(response.xmlValue("StorageClass") == "STANDARD")
        let bad = try await harness.send("GET", "/bkt/k?attributes", headers: [("x-amz-object-attributes", "Colour")])
        #expect(bad.errorCode == "InvalidArgument")
    }

    @Test("metadata: RFC 2047 words are stored decoded, non-ASCII values answered Q-encoded")
    func metadataEncoding() {
        #expect(MetadataEncoding.decode("=?UTF-8?B?Y2Fmw6k=?=") == "café")
        #expect(MetadataEncoding.decode("=?utf-8?Q?caf=C3=A9_au_lait?=") == "café au lait")
        #expect(MetadataEncoding.decode("plain") == "plain")
        #expect(MetadataEncoding.decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
        #expect(MetadataEncoding.encode("plain text") == "plain text")
        #expect(MetadataEncoding.encode("café au lait") == "=?UTF-8?Q?caf=C3=A9_au_lait?=")
        #expect(MetadataEncoding.encode("\u{04}mymeta") == "=?UTF-8?Q?=04mymeta?=")
    }

    @Test("lifecycle: a malformed date is MalformedXML; legacy Prefix answered back as sent")
    func lifecycleValidation() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        func rule(_ body: String) -> String {
            "<LifecycleConfiguration><Rule><ID>r</ID>\(body)<Status>Enabled</Status></Rule></LifecycleConfiguration>"
        }
        let malformed = try await harness.send(
            "PUT", "/bkt?lifecycle",
            text: rule("<Filter><Prefix/></Filter><Expiration><Date>20200101</Date></Expiration>"))
        #expect(malformed.errorCode == "MalformedXML")
        let legacy = try await harness.send(
            "PUT", "/bkt?lifecycle", text: rule("<Prefix>logs/</Prefix><Expiration><Days>2</Days></Expiration>"))
        #expect(legacy.status == 200)
        let got = try await harness.send("GET", "/bkt?lifecycle").text
        #expect(got.contains("<Prefix>logs/</Prefix>") && !got.contains("<Filter>"))
    }
}
