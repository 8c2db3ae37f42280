import AWSSignature
import Foundation
import Testing

@testable import LocalS3

@Suite("Conditional writes")
struct ConditionalWriteTests {
    @Test("PutObject: If-None-Match * creates only; If-Match needs the current ETag; 404 on a missing key")
    func putObject() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let created = try await harness.send("PUT", "/bkt/k", headers: [("If-None-Match", "*")], text: "one")
        #expect(created.status == 200)
        let again = try await harness.send("PUT", "/bkt/k", headers: [("If-None-Match", "*")], text: "two")
        #expect(again.status == 412)
        #expect(again.errorCode == "PreconditionFailed")
        #expect(again.xmlValue("Condition") == "If-None-Match")
        #expect(try await harness.send("GET", "/bkt/k").text == "one")

        let etag = try #require(created.header("ETag"))
        let wrong = try await harness.send("PUT", "/bkt/k", headers: [("If-Match", "\"0123\"")], text: "three")
        #expect(wrong.status == 412)
        #expect(wrong.xmlValue("Condition") == "If-Match")
        let right = try await harness.send("PUT", "/bkt/k", headers: [("If-Match", etag)], text: "four")
        #expect(right.status == 200)
        #expect(try await harness.send("GET", "/bkt/k").text == "four")

        let missing = try await harness.send("PUT", "/bkt/none", headers: [("If-Match", etag)], text: "x")
        #expect(missing.status == 404)
        #expect(missing.errorCode == "NoSuchKey")
        let notStar = try await harness.send("PUT", "/bkt/k", headers: [("If-None-Match", etag)], text: "x")
        #expect(notStar.status == 501)
        #expect(notStar.errorCode == "NotImplemented")
    }

    @Test("racing create-only PUTs of one key: exactly one wins, the others get 412")
    func racingCreates() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        for round in 0..<5 {
            let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for writer in 0..<12 {
                    group.addTask {
                        let response = try await harness.send(
                            "PUT", "/bkt/race\(round)", headers: [("If-None-Match", "*")], text: "writer \(writer)")
                        return (writer, response.status)
                    }
                }
                var all: [(Int, Int)] = []
                for try await result in group { all.append(result) }
                return all
            }
            let winners = statuses.filter { $0.1 == 200 }
            #expect(winners.count == 1, "round \(round): \(statuses)")
            #expect(statuses.allSatisfy { $0.1 == 200 || $0.1 == 412 })
            let body = try await harness.send("GET", "/bkt/race\(round)").text
            #expect(body == "writer \(winners.first?.0 ?? -1)")
        }
    }

    @Test("a key replaced between the request's start and its publish answers 409 ConditionalRequestConflict")
    func conflict() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let store = harness.store
        let key = ObjectKey("k")
        let first = try await store.putObject(bucket: "bkt", key: key, data: Array("same".utf8), now: Date())
        let headers = HeaderList([("If-Match", "\"\(first.etag)\"")])
        let condition = try #require(try WriteCondition.begin(headers, store: store, bucket: "bkt", key: key))
        // Another writer replaces the object with identical bytes: same ETag, but not the same object.
        try await store.putObject(bucket: "bkt", key: key, data: Array("same".utf8), now: Date())
        let staged = try store.stage(try BodyDigests(sha256: false, checksum: nil))
        let metadata = ObjectMetadata(size: 0, etag: "d41d8cd98f00b204e9800998ecf8427e", lastModified: Date())
        let error = await #expect(throws: S3Error.self) {
            try await store.publish(staged, bucket: "bkt", key: key, metadata: metadata, condition: condition)
        }
        #expect(error?.code == .conditionalRequestConflict)
        #expect(error?.status == 409)
        #expect(try store.openObject(bucket: "bkt", key: key).readAll() == Array("same".utf8))
    }

    @Test("CopyObject destination and CompleteMultipartUpload honour If-None-Match and If-Match")
    func copyAndComplete() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.put("src", "source")
        try await harness.put("dst", "old")
        let copy = [("x-amz-copy-source", "/bkt/src")]
        let refused = try await harness.send("PUT", "/bkt/dst", headers: copy + [("If-None-Match", "*")])
        #expect(refused.status == 412)
        #expect(try await harness.send("PUT", "/bkt/new", headers: copy + [("If-None-Match", "*")]).status == 200)
        let dstETag = try #require(try await harness.send("HEAD", "/bkt/dst").header("ETag"))
        #expect(try await harness.send("PUT", "/bkt/dst", headers: copy + [("If-Match", "\"00\"")]).status == 412)
        #expect(try await harness.send("PUT", "/bkt/dst", headers: copy + [("If-Match", dstETag)]).status == 200)
        #expect(try await harness.send("GET", "/bkt/dst").text == "source")

        let id = try #require(try await harness.send("POST", "/bkt/dst?uploads").xmlValue("UploadId"))
        let part = try #require(
            try await harness.send("PUT", "/bkt/dst?partNumber=1&uploadId=\(id)", text: "joined").header("ETag"))
        let document =
            "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\(part)</ETag></Part></CompleteMultipartUpload>"
        let blocked = try await harness.send(
            "POST", "/bkt/dst?uploadId=\(id)", headers: [("If-None-Match", "*")], text: document)
        #expect(blocked.status == 412)
        #expect(blocked.errorCode == "PreconditionFailed")
        let done = try await harness.send(
            "POST", "/bkt/dst?uploadId=\(id)",
            headers: [("If-Match", dstETag.replacingOccurrences(of: "\"", with: ""))],
            text: document)
        #expect(done.status == 412, "dst now holds the copy, whose ETag is the source's")
        let current = try #require(try await harness.send("HEAD", "/bkt/dst").header("ETag"))
        let completed = try await harness.send(
            "POST", "/bkt/dst?uploadId=\(id)", headers: [("If-Match", current)], text: document)
        #expect(completed.status == 200, "\(completed.text)")
        #expect(try await harness.send("GET", "/bkt/dst").text == "joined")
    }
}
