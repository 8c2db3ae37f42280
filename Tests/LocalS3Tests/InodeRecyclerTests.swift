import Foundation
import Testing

@testable import LocalS3

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Reuse of replaced object files")
struct InodeRecyclerTests {
    private func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    private func put(_ harness: Harness, _ key: String, _ bytes: [UInt8]) async throws {
        try await harness.store.putObject(bucket: "bkt", key: ObjectKey(key), data: bytes, now: harness.clock.date)
    }

    @Test("an overwritten file becomes the next upload's file, cut to the new length")
    func replacedFileIsReusedAndCut() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.store.createBucket("bkt", now: harness.clock.date)
        let long = [UInt8](repeating: 0x61, count: 64 * 1024)
        try await put(harness, "a", long)
        let first = try #require(inode(harness.store.objectPath("bkt", ObjectKey("a"))))
        try await put(harness, "a", Array("second".utf8))
        // The file that held the 64 KiB version now holds a 3-byte object of another key, and nothing more.
        try await put(harness, "b", Array("bee".utf8))
        #expect(inode(harness.store.objectPath("bkt", ObjectKey("b"))) == first)
        let b = try harness.store.openObject(bucket: "bkt", key: ObjectKey("b"))
        #expect(try b.readAll() == Array("bee".utf8))
        #expect(b.metadata.size == 3)
        let a = try harness.store.openObject(bucket: "bkt", key: ObjectKey("a"))
        #expect(try a.readAll() == Array("second".utf8))
        // Nothing is left in the staging directory but at most the spare the last overwrite made.
        #expect(try FileSystem.entries(harness.store.tmp).count <= 1)
    }

    @Test("a file a reader has open is not reused: the reader keeps reading the version it opened")
    func openFileIsNotReused() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.store.createBucket("bkt", now: harness.clock.date)
        let original = (0..<20_000).map { UInt8($0 % 251) }
        try await put(harness, "a", original)
        let reader = try harness.store.openObject(bucket: "bkt", key: ObjectKey("a"))
        try await put(harness, "a", Array("newer".utf8))
        for index in 0..<5 { try await put(harness, "other\(index)", [UInt8](repeating: 0x7a, count: 30_000)) }
        #expect(try reader.readAll() == original)
        #expect(reader.metadata.size == Int64(original.count))
        let current = try harness.store.openObject(bucket: "bkt", key: ObjectKey("a"))
        #expect(try current.readAll() == Array("newer".utf8))
    }

    @Test("a replaced file that is still a noncurrent version is kept, not reused")
    func noncurrentVersionIsKept() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try await harness.createBucket()
        let enable = "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"
        #expect(try await harness.send("PUT", "/bkt?versioning", text: enable).status == 200)
        let first = try #require(try await harness.send("PUT", "/bkt/k", text: "one").header("x-amz-version-id"))
        #expect(try await harness.send("PUT", "/bkt/k", text: "two").status == 200)
        for index in 0..<3 { #expect(try await harness.send("PUT", "/bkt/o\(index)", text: "other").status == 200) }
        #expect(try await harness.send("GET", "/bkt/k?versionId=\(first)").text == "one")
        #expect(try await harness.send("GET", "/bkt/k").text == "two")
    }

    @Test("an opener that got a file before it was handed out for reuse opens the path again")
    func lateOpenerRetries() {
        let recycler = InodeRecycler()
        let started = recycler.beginOpen()
        // Meanwhile the file (inode 7) is replaced and offered while nobody is registered on it.
        #expect(recycler.offer(path: "/spare", inode: 7, size: 10))
        #expect(recycler.finishOpen(inode: 7, started: started) == nil)
        // A second attempt starts after the reuse and registers; the file cannot be offered again meanwhile.
        let again = recycler.beginOpen()
        let registration = recycler.finishOpen(inode: 7, started: again)
        #expect(registration != nil)
        #expect(!recycler.offer(path: "/spare2", inode: 7, size: 10))
        withExtendedLifetime(registration) {}
    }

    @Test("registrations are counted: a file is reusable only after its last reader goes")
    func readersAreCounted() {
        let recycler = InodeRecycler()
        var first = recycler.finishOpen(inode: 3, started: recycler.beginOpen())
        var second = recycler.finishOpen(inode: 3, started: recycler.beginOpen())
        #expect(first != nil && second != nil)
        first = nil
        #expect(!recycler.offer(path: "/spare", inode: 3, size: 1))
        second = nil
        #expect(recycler.offer(path: "/spare", inode: 3, size: 1))
    }

    @Test("large files and files beyond the spare limit are not kept")
    func limits() {
        let recycler = InodeRecycler()
        #expect(!recycler.offer(path: "/big", inode: 1, size: InodeRecycler.largestReused + 1))
        #expect(!recycler.offer(path: "/version", inode: 2, size: 1, links: 2))
        for index in 0..<InodeRecycler.spareLimit {
            #expect(recycler.offer(path: "/s\(index)", inode: UInt64(100 + index), size: 1))
        }
        #expect(!recycler.offer(path: "/one-more", inode: 99, size: 1))
        #expect(recycler.takeSpare() != nil)
    }
}
