import AWSSignature
import Foundation
import Testing

@testable import LocalS3

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Versioning")
struct VersioningTests {
    static let enable =
        "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"

    @Test("an unversioned bucket answers no version ids; a malformed configuration is MalformedXML")
    func unversioned() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let put = try await harness.send("PUT", "/bkt/k", text: "v")
        #expect(put.header("x-amz-version-id") == nil)
        #expect(try await harness.send("GET", "/bkt?versioning").xmlValue("Status") == nil)
        let bad = try await harness.send(
            "PUT", "/bkt?versioning", text: "<VersioningConfiguration><Status>Off</Status></VersioningConfiguration>")
        #expect(bad.errorCode == "MalformedXML")
        #expect(try await harness.send("GET", "/bkt/k?versionId=null").text == "v")
        #expect(try await harness.send("GET", "/bkt/k?versionId=../x").errorCode == "InvalidArgument")
    }

    @Test("a crash between keeping the old version and publishing the new one leaves one version, not two")
    func crashLeftover() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        #expect(try await harness.send("PUT", "/bkt?versioning", text: Self.enable).status == 200)
        let first = try #require(try await harness.send("PUT", "/bkt/k", text: "one").header("x-amz-version-id"))
        // What a kill -9 right after the hard link leaves: the current version also under its noncurrent name.
        let store = harness.store
        try store.archiveCurrent(bucket: "bkt", key: ObjectKey("k"), state: .enabled)
        let listed = try await harness.send("GET", "/bkt?versions")
        #expect(listed.xmlValues("VersionId") == [first])
        #expect(listed.xmlValue("IsLatest") == "true")
        let second = try #require(try await harness.send("PUT", "/bkt/k", text: "two").header("x-amz-version-id"))
        #expect(try await harness.send("GET", "/bkt?versions").xmlValues("VersionId") == [second, first])
        #expect(try await harness.send("DELETE", "/bkt/k?versionId=\(second)").status == 204)
        #expect(try await harness.send("GET", "/bkt/k").text == "one")
        #expect(try await harness.send("DELETE", "/bkt/k?versionId=\(first)").status == 204)
        #expect(try await harness.send("GET", "/bkt?versions").xmlValues("VersionId").isEmpty)
        #expect(try await harness.send("DELETE", "/bkt").status == 204)
    }

    @Test("If-None-Match * treats a delete marker as no object")
    func conditionalOverMarker() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        #expect(try await harness.send("PUT", "/bkt?versioning", text: Self.enable).status == 200)
        try await harness.put("k", "one")
        let marker = try await harness.send("DELETE", "/bkt/k")
        #expect(marker.header("x-amz-delete-marker") == "true")
        let created = try await harness.send("PUT", "/bkt/k", headers: [("If-None-Match", "*")], text: "two")
        #expect(created.status == 200)
        #expect(try await harness.send("GET", "/bkt?versions").xmlValues("VersionId").count == 3)
    }

    @Test("lifecycle: noncurrent versions expire days after their successor; expiry adds a delete marker")
    func lifecycle() async throws {
        let harness = try Harness(now: Date(timeIntervalSince1970: 1_767_323_045))  // 2026-01-02T03:04:05Z
        defer { harness.cleanUp() }
        try await harness.createBucket()
        #expect(try await harness.send("PUT", "/bkt?versioning", text: Self.enable).status == 200)
        let rules =
            "<LifecycleConfiguration><Rule><ID>r</ID><Filter><Prefix/></Filter><Status>Enabled</Status>"
            + "<Expiration><Days>3</Days></Expiration>"
            + "<NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays></NoncurrentVersionExpiration>"
            + "</Rule></LifecycleConfiguration>"
        #expect(try await harness.send("PUT", "/bkt?lifecycle", text: rules).status == 200)
        #expect(try await harness.send("GET", "/bkt?lifecycle").xmlValue("NoncurrentDays") == "1")
        try await harness.put("k", "one")
        harness.clock.advance(seconds: 86_400)  // the second version makes the first noncurrent on 2026-01-03
        try await harness.put("k", "two")
        let sweeper = LifecycleSweeper(store: harness.store, clock: harness.clock)
        #expect(try await sweeper.sweep() == 0)
        harness.clock.set(secondsSinceEpoch: 1_767_571_200)  // 2026-01-05T00:00:00Z
        #expect(try await sweeper.sweep() == 1)
        #expect(try await harness.send("GET", "/bkt?versions").xmlValues("Version").count == 1)
        harness.clock.set(secondsSinceEpoch: 1_767_744_000)  // 2026-01-07T00:00:00Z
        #expect(try await sweeper.sweep() == 1)
        let gone = try await harness.send("GET", "/bkt/k")
        #expect(gone.status == 404)
        #expect(gone.header("x-amz-delete-marker") == "true")
        #expect(try await harness.send("GET", "/bkt?versions").xmlValues("DeleteMarker").count == 1)
    }
}
