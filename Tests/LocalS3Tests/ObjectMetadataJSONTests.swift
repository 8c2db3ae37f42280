import Foundation
import Testing

@testable import LocalS3

@Suite("Object metadata JSON")
struct ObjectMetadataJSONTests {
    /// What the object files held before the metadata was written by hand.
    static func encoderBytes(_ metadata: ObjectMetadata) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Array(try encoder.encode(metadata))
    }

    static var samples: [ObjectMetadata] {
        let date = Date(timeIntervalSince1970: 1_796_610_896.199)
        var plain = ObjectMetadata(size: 10_240, etag: "5d41402abc4b2a76b9719d911017c592", lastModified: date)
        plain.checksums = [:]
        let headers = StoredHeaders(
            contentType: "text/plain; charset=\"utf-8\"", contentEncoding: "gzip", contentDisposition: "attachment",
            contentLanguage: "en", cacheControl: "max-age=60", expires: "Thu, 01 Dec 2044 16:00:00 GMT",
            websiteRedirectLocation: "/other/page.html",
            userMetadata: [
                "z9": "1", "a10": "e", "ab": "x/y\"z\\", "control": "\u{0}\u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f}",
                "unicode": "caf\u{00E9} \u{1F600}", "Upper": "b", "a": "",
            ])
        var full = ObjectMetadata(
            size: 0, etag: "d41d8cd98f00b204e9800998ecf8427e-3", lastModified: date, headers: headers,
            checksums: [
                .sha256: "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=", .crc32: "NhCmhg==", .crc64nvme: "x/y=",
            ],
            checksumType: "COMPOSITE", partSizes: [5_242_880, 5_242_880, 1],
            acl: ObjectACL(
                owner: "75aa57f09aa0c8caeab4f8c24e99d10f",
                grants: [
                    .user("75aa57f09aa0c8caeab4f8c24e99d10f", .fullControl),
                    .group("http://acs.amazonaws.com/groups/global/AllUsers", .read),
                ]),
            tags: [S3Tag(key: "t", value: "1"), S3Tag(key: "path", value: "a/b c+=.:@")])
        full.publicRead = true
        full.versionId = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"
        full.deleteMarker = false
        var marker = ObjectMetadata(size: 0, etag: "", lastModified: Date(timeIntervalSince1970: 0))
        marker.deleteMarker = true
        marker.versionId = "v1"
        marker.grants = []
        marker.tags = []
        marker.partSizes = []
        return [plain, full, marker]
    }

    @Test("the hand-written JSON is byte for byte what JSONEncoder with sorted keys writes")
    func matchesJSONEncoder() throws {
        for metadata in Self.samples {
            let written = ObjectMetadataJSON.encode(metadata)
            #expect(written == (try Self.encoderBytes(metadata)), "\(String(decoding: written, as: UTF8.self))")
        }
    }

    @Test("the hand-written JSON decodes to the same metadata")
    func decodesBack() throws {
        for metadata in Self.samples {
            let decoded = try JSONDecoder().decode(ObjectMetadata.self, from: Data(ObjectMetadataJSON.encode(metadata)))
            #expect(decoded == metadata)
        }
    }
}
