import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LocalDynamo
import LocalS3
import NIOCore
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct ConsoleDataTests {
    @Test func deadLettersAreListedReplayedAndDeleted() async throws {
        let failing = try Fixtures.function(name: "failing", environment: ["ECHO_INIT_FAIL": "broken on purpose"])
        try await ConsoleHarness.run(functions: [failing]) { client, harness in
            let queued = try await client.execute(
                uri: "/_console/api/functions/failing/invoke?type=Event", method: .post, body: ByteBuffer(string: "{}"))
            #expect(queued.status == .accepted)
            await harness.emulator.queue.waitUntilIdle()
            let queue = try await client.execute(uri: "/_console/api/queue", method: .get)
            let letters = queue.json["deadLetters"] as? [[String: Any]] ?? []
            #expect(letters.count == 1)
            #expect((letters.first?["error"] as? String)?.contains("broken on purpose") == true)
            #expect(letters.first?["attempts"] as? Int == 3)
            let id = try #require(letters.first?["id"] as? Int)

            let replayed = try await client.execute(uri: "/_console/api/queue/dead-letters/\(id)/replay", method: .post)
            #expect(replayed.status == .ok)
            let again = try await client.execute(uri: "/_console/api/queue/dead-letters/\(id)/replay", method: .post)
            #expect(again.status == .notFound)
            // The queue's sweeper is not running here, so the replayed event waits, not in flight.
            let pending = try await client.execute(uri: "/_console/api/queue", method: .get)
            let events = pending.json["pending"] as? [[String: Any]] ?? []
            #expect(events.count == 1)
            #expect(events.first?["requestID"] as? String == letters.first?["requestID"] as? String)
            #expect(events.first?["attempts"] as? Int == 0)
            let eventID = try #require(events.first?["id"] as? Int)
            let deleted = try await client.execute(uri: "/_console/api/queue/pending/\(eventID)", method: .delete)
            #expect(deleted.status == .ok)
            #expect(try await harness.emulator.store.pendingCount() == 0)

            let missing = try await client.execute(uri: "/_console/api/queue/dead-letters/\(id)", method: .delete)
            #expect(missing.status == .notFound)
            let badID = try await client.execute(uri: "/_console/api/queue/pending/x", method: .delete)
            #expect(badID.status == .badRequest)
        }
    }

    @Test func tablesArePagedQueriedAndItemsDeleted() async throws {
        try await ConsoleHarness.run { client, harness in
            _ = try harness.dynamo.perform(
                "CreateTable",
                try JSON.parse(
                    Array(
                        #"""
                        {"TableName":"jobs","BillingMode":"PAY_PER_REQUEST",
                         "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
                         "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}
                        """#.utf8)))
            _ = try harness.dynamo.perform(
                "UpdateTimeToLive",
                try JSON.parse(
                    Array(
                        #"{"TableName":"jobs","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"ttl"}}"#.utf8))
            )
            for (pk, sk) in [("a", 1), ("a", 2), ("b", 1)] {
                _ = try harness.dynamo.perform(
                    "PutItem",
                    try JSON.parse(
                        Array(
                            #"{"TableName":"jobs","Item":{"pk":{"S":"\#(pk)"},"sk":{"N":"\#(sk)"},"n":{"N":"12345678901234567890"}}}"#
                                .utf8)))
            }
            let tables = try await client.execute(uri: "/_console/api/tables", method: .get)
            let first = (tables.json["tables"] as? [[String: Any]])?.first
            #expect((first?["Table"] as? [String: Any])?["TableName"] as? String == "jobs")
            #expect((first?["TimeToLiveDescription"] as? [String: Any])?["AttributeName"] as? String == "ttl")

            let page1 = try await client.execute(uri: "/_console/api/tables/jobs/items?limit=2", method: .get)
            #expect((page1.json["Items"] as? [Any])?.count == 2)
            let lastKey = try #require(page1.json["LastEvaluatedKey"])
            let start = String(decoding: try JSONSerialization.data(withJSONObject: lastKey), as: UTF8.self)
            let encoded = start.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? start
            let page2 = try await client.execute(
                uri: "/_console/api/tables/jobs/items?limit=2&start=\(encoded)", method: .get)
            #expect((page2.json["Items"] as? [Any])?.count == 1)
            #expect(page2.json["LastEvaluatedKey"] == nil)
            #expect(page1.text.contains("12345678901234567890"), "numbers pass through exactly")

            let query = try await client.execute(uri: "/_console/api/tables/jobs/query?value=a", method: .get)
            #expect(query.json["Count"] as? Int == 2)

            let deleted = try await client.execute(
                uri: "/_console/api/tables/jobs/delete-item", method: .post,
                body: ByteBuffer(string: #"{"Key":{"pk":{"S":"b"},"sk":{"N":"1"}}}"#))
            #expect(deleted.status == .ok)
            #expect(deleted.text.contains(#""pk":{"S":"b"}"#))
            let after = try await client.execute(uri: "/_console/api/tables/jobs/items", method: .get)
            #expect(after.json["Count"] as? Int == 2)

            let badStart = try await client.execute(uri: "/_console/api/tables/jobs/items?start=nope", method: .get)
            #expect(badStart.status == .badRequest)
            let missing = try await client.execute(uri: "/_console/api/tables/none/items", method: .get)
            #expect(missing.status == .badRequest)
            #expect((missing.json["error"] as? [String: Any])?["code"] as? String == "ResourceNotFoundException")
            let badKey = try await client.execute(
                uri: "/_console/api/tables/jobs/delete-item", method: .post, body: ByteBuffer(string: "[]"))
            #expect(badKey.status == .badRequest)
        }
    }

    @Test func bucketsAreBrowsedByPrefixDownloadedAndObjectsDeleted() async throws {
        try await ConsoleHarness.run { client, harness in
            let store = harness.s3.store
            try store.createBucket("docs", now: Date())
            try store.updateBucketConfiguration("docs") {
                $0.cors = [CORSRule(allowedOrigins: ["http://localhost:3000"], allowedMethods: ["GET"])]
            }
            let letter = Array("a letter".utf8)
            for key in ["documents/j1/a letter.docx", "documents/j1/b.docx", "top.txt"] {
                try await store.putObject(
                    bucket: "docs", key: ObjectKey(key), data: letter,
                    headers: StoredHeaders(contentType: "application/octet-stream"), now: Date())
            }
            let buckets = try await client.execute(uri: "/_console/api/buckets", method: .get)
            let bucket = (buckets.json["buckets"] as? [[String: Any]])?.first
            #expect(bucket?["name"] as? String == "docs")
            #expect(((bucket?["configuration"] as? [String: Any])?["cors"] as? [Any])?.count == 1)

            let root = try await client.execute(uri: "/_console/api/buckets/docs/objects", method: .get)
            #expect(root.json["folders"] as? [String] == ["documents/"])
            #expect((root.json["objects"] as? [[String: Any]])?.map { $0["key"] as? String } == ["top.txt"])
            let job = try await client.execute(
                uri: "/_console/api/buckets/docs/objects?prefix=documents/j1/", method: .get)
            #expect((job.json["objects"] as? [Any])?.count == 2)

            let object = try await client.execute(
                uri: "/_console/api/buckets/docs/object?key=documents%2Fj1%2Fa%20letter.docx", method: .get)
            #expect(object.json["size"] as? Int == letter.count)
            let url = try #require(object.json["downloadURL"] as? String)
            #expect(url.hasPrefix("http://localhost:9000/docs/documents/j1/a%20letter.docx?"))
            // LocalS3 itself accepts the presigned URL and answers the object as an attachment.
            let target = String(url.dropFirst("http://localhost:9000".count))
            let download = await harness.s3.handle(
                try S3Request(method: "GET", target: target, headers: HeaderList([("Host", "localhost:9000")])),
                body: EmptyBody())
            #expect(download.status == 200)
            #expect(try download.collectBody() == letter)
            #expect(
                download.headers.contains {
                    $0.name.lowercased() == "content-disposition" && $0.value.hasPrefix("attachment")
                })

            let deleted = try await client.execute(
                uri: "/_console/api/buckets/docs/object?key=top.txt", method: .delete)
            #expect(deleted.status == .ok)
            let gone = try await client.execute(uri: "/_console/api/buckets/docs/object?key=top.txt", method: .get)
            #expect(gone.status == .notFound)
            #expect((gone.json["error"] as? [String: Any])?["code"] as? String == "NoSuchKey")
            let noBucket = try await client.execute(uri: "/_console/api/buckets/nope/objects", method: .get)
            #expect(noBucket.status == .notFound)
        }
    }

    @Test func sampleEventsBelongToTheirFunctions() {
        #expect(SampleEventCatalog.belongs("api/start-valid", to: "APIFunction", gatewayFunction: nil))
        #expect(SampleEventCatalog.belongs("worker/valid-job", to: "WorkerFunction", gatewayFunction: nil))
        #expect(SampleEventCatalog.belongs("echo/x", to: "echo", gatewayFunction: nil))
        #expect(!SampleEventCatalog.belongs("worker/valid-job", to: "APIFunction", gatewayFunction: nil))
        #expect(SampleEventCatalog.belongs("function-url/get", to: "APIFunction", gatewayFunction: "APIFunction"))
        #expect(!SampleEventCatalog.belongs("function-url/get", to: "APIFunction", gatewayFunction: nil))
        #expect(!SampleEventCatalog.belongs("loose", to: "loose", gatewayFunction: nil))
    }
}
