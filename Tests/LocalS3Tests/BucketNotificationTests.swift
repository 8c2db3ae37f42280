import Foundation
import Testing

@testable import LocalS3

@Suite("Bucket notifications")
struct BucketNotificationTests {
    static let function = "arn:aws:lambda:us-east-1:123456789012:function:indexer"

    static func configuration(_ rules: String...) -> String {
        "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + rules.joined()
            + "</NotificationConfiguration>"
    }

    static func lambda(
        _ events: [String], id: String? = nil, prefix: String? = nil, suffix: String? = nil, arn: String = function,
        ruleName: (prefix: String, suffix: String) = ("prefix", "suffix")
    ) -> String {
        var xml = "<CloudFunctionConfiguration>"
        if let id { xml += "<Id>\(id)</Id>" }
        xml += "<CloudFunction>\(arn)</CloudFunction>"
        for event in events { xml += "<Event>\(event)</Event>" }
        if prefix != nil || suffix != nil {
            xml += "<Filter><S3Key>"
            if let prefix { xml += "<FilterRule><Name>\(ruleName.prefix)</Name><Value>\(prefix)</Value></FilterRule>" }
            if let suffix { xml += "<FilterRule><Name>\(ruleName.suffix)</Name><Value>\(suffix)</Value></FilterRule>" }
            xml += "</S3Key></Filter>"
        }
        return xml + "</CloudFunctionConfiguration>"
    }

    /// A harness whose service records events for the functions named in `functions`.
    static func notifying(_ functions: Set<String> = [function]) throws -> (Harness, NotificationOutbox) {
        var harness = try Harness()
        let outbox = try NotificationOutbox(store: harness.store)
        harness.service.notificationDelivery = NotificationDelivery(outbox: outbox) { functions.contains($0) }
        return (harness, outbox)
    }

    /// Every record in the outbox, oldest first.
    static func records(_ outbox: NotificationOutbox) async throws -> [(function: String, record: [String: Any])] {
        var records: [(String, [String: Any])] = []
        for batch in try await outbox.pending() {
            #expect(!batch.unreadable)
            for entry in batch.entries {
                let payload = try JSONSerialization.jsonObject(with: Data(entry.payload.utf8)) as? [String: Any]
                let list = payload?["Records"] as? [[String: Any]] ?? []
                #expect(list.count == 1, "S3 sends one record per invocation")
                records.append((entry.functionArn, list.first ?? [:]))
            }
        }
        return records
    }

    @Test("PUT then GET: the configuration back with an Id made up when none was sent and rule names capitalised")
    func roundTrip() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let empty = try await harness.send("GET", "/bkt?notification")
        #expect(empty.status == 200)
        #expect(!empty.text.contains("CloudFunctionConfiguration"))
        let put = try await harness.send(
            "PUT", "/bkt?notification",
            text: Self.configuration(
                Self.lambda(["s3:ObjectCreated:*"], prefix: "images/", suffix: ".jpg"),
                Self.lambda(["s3:ObjectRemoved:Delete"], id: "removals")))
        #expect(put.status == 200, "\(put.text)")
        let got = try await harness.send("GET", "/bkt?notification")
        #expect(got.xmlValues("Event") == ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"])
        #expect(got.xmlValues("Name") == ["Prefix", "Suffix"])
        #expect(got.xmlValues("Value") == ["images/", ".jpg"])
        let ids = got.xmlValues("Id")
        #expect(ids.count == 2 && ids[1] == "removals" && !ids[0].isEmpty)
        #expect(try await harness.send("PUT", "/bkt?notification", text: Self.configuration()).status == 200)
        #expect(!(try await harness.send("GET", "/bkt?notification")).text.contains("CloudFunction"))
        #expect(try await harness.send("GET", "/nope?notification").errorCode == "NoSuchBucket")
    }

    @Test("validated as S3 does: event names, one prefix and one suffix, no overlap for an event type")
    func validation() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        func put(_ rules: String...) async throws -> S3Response {
            try await harness.send(
                "PUT", "/bkt?notification",
                text: "<NotificationConfiguration>" + rules.joined() + "</NotificationConfiguration>")
        }
        let unknown = try await put(Self.lambda(["s3:ObjectCreated:Upload"]))
        #expect(unknown.errorCode == "InvalidArgument")
        #expect(unknown.xmlValue("Message") == "The event is not supported for notifications")
        let twoPrefixes = try await put(
            Self.lambda(["s3:ObjectCreated:*"], prefix: "a", suffix: "b", ruleName: ("prefix", "Prefix")))
        #expect(twoPrefixes.xmlValue("Message") == "Cannot specify more than one prefix rule in a filter.")
        let badName = try await put(Self.lambda(["s3:ObjectCreated:*"], prefix: "a", ruleName: ("middle", "suffix")))
        #expect(badName.xmlValue("Message") == "filter rule name must be either prefix or suffix")
        let ambiguous =
            "Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type."
        let overlapping = try await put(
            Self.lambda(["s3:ObjectCreated:*"], prefix: "images/"),
            Self.lambda(["s3:ObjectCreated:Put"], prefix: "images/2024/"))
        #expect(overlapping.xmlValue("Message") == ambiguous)
        let everything = try await put(
            Self.lambda(["s3:ObjectCreated:Put"]), Self.lambda(["s3:ObjectCreated:Put"], suffix: ".jpg"))
        #expect(everything.xmlValue("Message") == ambiguous, "a rule without a filter overlaps every other")
        let disjoint = try await put(
            Self.lambda(["s3:ObjectCreated:*"], prefix: "images/"),
            Self.lambda(["s3:ObjectCreated:*"], prefix: "docs/"),
            Self.lambda(["s3:ObjectCreated:*"], prefix: "images/", suffix: ".png", arn: Self.function + "2")
                .replacingOccurrences(
                    of: "<Event>s3:ObjectCreated:*</Event>", with: "<Event>s3:ObjectRemoved:*</Event>"))
        #expect(disjoint.status == 200, "different prefixes, or different event types, may overlap: \(disjoint.text)")
        let duplicateIDs = try await put(
            Self.lambda(["s3:ObjectCreated:*"], id: "x", prefix: "a/"), Self.lambda(["s3:ObjectRemoved:*"], id: "x"))
        #expect(duplicateIDs.errorCode == "InvalidArgument")
        let queue = try await put(
            "<QueueConfiguration><Queue>arn:aws:sqs:us-east-1:123456789012:q</Queue><Event>s3:ObjectCreated:*</Event></QueueConfiguration>"
        )
        #expect(queue.xmlValue("Message") == "Unable to validate the following destination configurations")
        #expect(try await put("<Nonsense/>").errorCode == "MalformedXML")
        #expect(try await put(Self.lambda([])).errorCode == "MalformedXML")
    }

    @Test("a function the emulator does not host is refused, unless destination validation is skipped")
    func destinations() async throws {
        let (harness, _) = try Self.notifying()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let missing = Self.function.replacingOccurrences(of: "indexer", with: "nobody")
        let refused = try await harness.send(
            "PUT", "/bkt?notification", text: Self.configuration(Self.lambda(["s3:ObjectCreated:*"], arn: missing)))
        #expect(refused.xmlValue("Message") == "Unable to validate the following destination configurations")
        #expect(refused.xmlValue("ArgumentName1") == missing)
        let skipped = try await harness.send(
            "PUT", "/bkt?notification", headers: [("x-amz-skip-destination-validation", "true")],
            text: Self.configuration(Self.lambda(["s3:ObjectCreated:*"], arn: missing)))
        #expect(skipped.status == 200)
    }

    @Test("PUT, copy and DELETE write AWS-shaped records to the outbox; filters hold; other buckets write none")
    func records() async throws {
        let (harness, outbox) = try Self.notifying()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        try await harness.createBucket("quiet")
        let put = try await harness.send(
            "PUT", "/bkt?notification",
            text: Self.configuration(
                Self.lambda(["s3:ObjectCreated:*"], id: "created", prefix: "in/", suffix: ".txt"),
                Self.lambda(["s3:ObjectRemoved:*"], id: "removed")))
        #expect(put.status == 200)
        try await harness.put("in/red flower+1.txt", "hello")
        try await harness.put("in/skipped.bin", "no")
        try await harness.put("out/skipped.txt", "no")
        try await harness.put("in/x.txt", "quiet", bucket: "quiet")
        #expect(
            try await harness.send("PUT", "/bkt/in/copy.txt", headers: [("x-amz-copy-source", "/bkt/in/x.txt")]).status
                == 404)
        let copy = try await harness.send(
            "PUT", "/bkt/in/copy.txt", headers: [("x-amz-copy-source", "/bkt/in/red%20flower%2B1.txt")])
        #expect(copy.status == 200)
        #expect(try await harness.send("DELETE", "/bkt/in/copy.txt").status == 204)

        let records = try await Self.records(outbox)
        #expect(
            records.map { $0.record["eventName"] as? String } == [
                "ObjectCreated:Put", "ObjectCreated:Copy", "ObjectRemoved:Delete",
            ])
        #expect(records.allSatisfy { $0.function == Self.function })
        let first = records[0].record
        #expect(first["eventVersion"] as? String == "2.1")
        #expect(first["eventSource"] as? String == "aws:s3")
        #expect(first["awsRegion"] as? String == "us-east-1")
        #expect((first["eventTime"] as? String)?.hasSuffix("Z") == true)
        #expect((first["userIdentity"] as? [String: Any])?["principalId"] as? String == "AWS:\(Harness.accessKey)")
        let s3 = first["s3"] as? [String: Any] ?? [:]
        #expect(s3["s3SchemaVersion"] as? String == "1.0")
        #expect(s3["configurationId"] as? String == "created")
        let bucket = s3["bucket"] as? [String: Any] ?? [:]
        #expect(bucket["name"] as? String == "bkt" && bucket["arn"] as? String == "arn:aws:s3:::bkt")
        let object = s3["object"] as? [String: Any] ?? [:]
        #expect(object["key"] as? String == "in/red+flower%2B1.txt")
        #expect(object["size"] as? Int == 5)
        #expect(object["eTag"] as? String == "5d41402abc4b2a76b9719d911017c592")
        let sequencers = records.compactMap {
            (($0.record["s3"] as? [String: Any])?["object"] as? [String: Any])?["sequencer"] as? String
        }
        #expect(sequencers.count == 3 && sequencers == sequencers.sorted() && Set(sequencers).count == 3)
        let removal = (records[2].record["s3"] as? [String: Any])?["object"] as? [String: Any] ?? [:]
        #expect(removal["size"] == nil && removal["eTag"] == nil)
        #expect((records[2].record["s3"] as? [String: Any])?["configurationId"] as? String == "removed")

        // The outbox outlives the process: a new one on the same store finds the same batches, in order.
        let reopened = try NotificationOutbox(store: harness.store)
        let pending = try await reopened.pending()
        #expect(pending.count == 3)
        for batch in pending { try await reopened.remove(batch) }
        #expect(try await outbox.pending().isEmpty)
        try await harness.put("in/after.txt", "later")
        let later = try await Self.records(reopened)
        let laterSequencer =
            ((later.first?.record["s3"] as? [String: Any])?["object"] as? [String: Any])?["sequencer"] as? String
        #expect(laterSequencer.map { $0 > sequencers[2] } == true, "sequencers keep growing across outboxes")
    }

    @Test("DeleteObjects reports each key; a versioned bucket's delete is DeleteMarkerCreated with its version")
    func removals() async throws {
        let (harness, outbox) = try Self.notifying()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        #expect(
            try await harness.send(
                "PUT", "/bkt?notification", text: Self.configuration(Self.lambda(["s3:ObjectRemoved:*"]))
            ).status == 200)
        try await harness.put("a", "1")
        try await harness.put("b", "2")
        let batch = "<Delete><Object><Key>a</Key></Object><Object><Key>b</Key></Object></Delete>"
        let deleted = try await harness.send("POST", "/bkt?delete", text: batch)
        #expect(deleted.status == 200, "\(deleted.text)")
        let versioning = "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"
        #expect(try await harness.send("PUT", "/bkt?versioning", text: versioning).status == 200)
        try await harness.put("c", "3")
        let marker = try await harness.send("DELETE", "/bkt/c")
        let records = try await Self.records(outbox)
        #expect(
            records.map { $0.record["eventName"] as? String } == [
                "ObjectRemoved:Delete", "ObjectRemoved:Delete", "ObjectRemoved:DeleteMarkerCreated",
            ])
        let object = (records[2].record["s3"] as? [String: Any])?["object"] as? [String: Any] ?? [:]
        #expect(object["versionId"] as? String == marker.header("x-amz-version-id"))
    }
}
