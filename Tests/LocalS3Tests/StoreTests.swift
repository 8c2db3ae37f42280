import Foundation
import Testing

@testable import LocalS3

@Suite("Filesystem store")
struct StoreTests {
    static let hostileKeys: [String] = [
        "../../etc/passwd", "..", ".", "a/../b", "b", "%2e%2e/x", "a//b", "/leading", "trailing/", "nul\u{0}byte",
        "caf\u{00E9}", "cafe\u{0301}", String(repeating: "k", count: 1024), String(repeating: "é", count: 300),
        "a", "a/b", " ", "\\windows\\path", "emoji 😀",
    ]

    @Test("key paths never contain separators, dot segments or NUL, and distinct keys get distinct paths")
    func keyMappingStaysInside() {
        var seen = Set<[String]>()
        for text in Self.hostileKeys {
            let components = ObjectPath.components(for: ObjectKey(text))
            for component in components {
                #expect(!component.contains("/"))
                #expect(!component.contains("\u{0}"))
                #expect(component != "." && component != "..")
                #expect(component.utf8.count <= 255)
            }
            #expect(seen.insert(components).inserted, "collision for \(text)")
        }
    }

    @Test("hostile keys round-trip and every file stays under the data directory")
    func hostileKeysRoundTrip() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.store.createBucket("bkt", now: harness.clock.date)
        for (index, text) in Self.hostileKeys.enumerated() {
            try await harness.store.putObject(
                bucket: "bkt", key: ObjectKey(text), data: Array("v\(index)".utf8), now: harness.clock.date)
        }
        for (index, text) in Self.hostileKeys.enumerated() {
            let object = try harness.store.openObject(bucket: "bkt", key: ObjectKey(text))
            #expect(try object.readAll() == Array("v\(index)".utf8))
        }
        var listed: [ObjectKey] = []
        try harness.store.walkKeys(bucket: "bkt", prefix: [], after: nil) {
            listed.append($0)
            return true
        }
        #expect(listed == Self.hostileKeys.map(ObjectKey.init).sorted())
        let root = URL(fileURLWithPath: harness.directory).resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(atPath: harness.directory)
        while let path = enumerator?.nextObject() as? String {
            let full = URL(fileURLWithPath: harness.directory + "/" + path).resolvingSymlinksInPath().path
            #expect(full.hasPrefix(root))
        }
        #expect(!FileManager.default.fileExists(atPath: harness.directory + "/etc/passwd"))
    }

    @Test("listing follows UTF-8 byte order, not Unicode order")
    func byteOrder() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.store.createBucket("bkt", now: harness.clock.date)
        let keys = ["caf\u{00E9}", "cafe\u{0301}", "Z", "a", "a/b", "a0", "ä", "~"]
        for key in keys {
            try await harness.store.putObject(bucket: "bkt", key: ObjectKey(key), data: [1], now: harness.clock.date)
        }
        var listed: [[UInt8]] = []
        try harness.store.walkKeys(bucket: "bkt", prefix: [], after: nil) {
            listed.append($0.bytes)
            return true
        }
        let expected = keys.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(listed == expected)
        #expect(listed.count == 8, "NFC and NFD spellings stay two keys")
        var afterA: [String] = []
        try harness.store.walkKeys(bucket: "bkt", prefix: Array("a".utf8), after: Array("a".utf8)) {
            afterA.append($0.description)
            return true
        }
        #expect(afterA == ["a/b", "a0"])
    }

    @Test("long keys spanning several directories list in order with their prefixes")
    func longKeys() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.store.createBucket("bkt", now: harness.clock.date)
        let base = String(repeating: "x", count: 100)
        let keys = [base, base + "a", base + String(repeating: "y", count: 150), String(repeating: "x", count: 99)]
        for key in keys {
            try await harness.store.putObject(bucket: "bkt", key: ObjectKey(key), data: [2], now: harness.clock.date)
        }
        var listed: [String] = []
        try harness.store.walkKeys(bucket: "bkt", prefix: Array(base.utf8), after: nil) {
            listed.append($0.description)
            return true
        }
        #expect(listed == [base, base + "a", base + String(repeating: "y", count: 150)])
    }

    @Test("a staged body is invisible until published; a crash's temporary files are removed on open")
    func atomicity() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.store.createBucket("bkt", now: harness.clock.date)
        try await harness.store.putObject(
            bucket: "bkt", key: ObjectKey("k"), data: Array("old".utf8), now: harness.clock.date)
        let reader = try harness.store.openObject(bucket: "bkt", key: ObjectKey("k"))
        let staged = try harness.store.stage(try BodyDigests(sha256: false, checksum: nil))
        try Array("new-content".utf8).withUnsafeBytes { try staged.write($0) }
        #expect(try harness.store.openObject(bucket: "bkt", key: ObjectKey("k")).readAll() == Array("old".utf8))
        let results = staged.digests.finish()
        try await harness.store.publish(
            staged, bucket: "bkt", key: ObjectKey("k"),
            metadata: ObjectMetadata(size: results.byteCount, etag: results.md5Hex, lastModified: harness.clock.date))
        #expect(try reader.readAll() == Array("old".utf8), "an open reader keeps the old bytes")
        #expect(try harness.store.openObject(bucket: "bkt", key: ObjectKey("k")).readAll() == Array("new-content".utf8))

        // A staged file left behind (as by kill -9) is never listed and is removed when the store reopens.
        let leftover = try harness.store.stage(try BodyDigests(sha256: false, checksum: nil))
        try Array("partial".utf8).withUnsafeBytes { try leftover.write($0) }
        let leftoverPath = leftover.path
        #expect(FileManager.default.fileExists(atPath: leftoverPath))
        _ = try FileStore(dataDirectory: harness.directory)
        #expect(!FileManager.default.fileExists(atPath: leftoverPath))
        var count = 0
        try harness.store.walkKeys(bucket: "bkt", prefix: [], after: nil) { _ in
            count += 1
            return true
        }
        #expect(count == 1)
    }

    @Test("a store that leaves flushing to the kernel still publishes whole objects")
    func withoutFsync() async throws {
        let directory = NSTemporaryDirectory() + "locals3-nofsync-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try FileStore(dataDirectory: directory, durability: .none)
        try store.createBucket("bkt", now: Date())
        try await store.putObject(bucket: "bkt", key: ObjectKey("k"), data: Array("fast".utf8), now: Date())
        #expect(try store.openObject(bucket: "bkt", key: ObjectKey("k")).readAll() == Array("fast".utf8))
        #expect(try FileSystem.entries(store.tmp).isEmpty)
    }

    @Test("deleting prunes empty directories and a non-empty bucket cannot be deleted")
    func deletion() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.store.createBucket("bkt", now: harness.clock.date)
        let key = ObjectKey(String(repeating: "z", count: 500))
        try await harness.store.putObject(bucket: "bkt", key: key, data: [1], now: harness.clock.date)
        #expect(throws: S3Error.self) { try harness.store.deleteBucket("bkt") }
        try harness.store.deleteObject(bucket: "bkt", key: key)
        #expect(try FileSystem.entries(harness.store.objectsPath("bkt")).isEmpty)
        try harness.store.deleteBucket("bkt")
        #expect(!harness.store.bucketExists("bkt"))
        // Debris of a write that raced the deletion does not block re-creating the bucket.
        try FileSystem.makeDirectories(harness.store.objectsPath("bkt") + "/abcd.d")
        #expect(try harness.store.createBucket("bkt", now: harness.clock.date))
        #expect(try FileSystem.entries(harness.store.objectsPath("bkt")).isEmpty)
    }

    @Test(
        "bucket names follow S3's rules",
        arguments: [
            ("bkt", true), ("my.bucket-1", true), ("ab", false), ("Bad_Name", false), ("..", false),
            ("a..b", false), ("192.168.1.1", false), ("xn--abc", false), ("-abc", false),
            (String(repeating: "a", count: 64), false),
        ])
    func bucketNames(name: String, valid: Bool) {
        #expect(BucketName.isValid(name) == valid)
    }

    @Test("lifecycle sweeper expires objects by prefix after the days, rounded to midnight UTC")
    func lifecycle() async throws {
        let harness = try Harness(now: Date(timeIntervalSince1970: 1_767_323_045))  // 2026-01-02T03:04:05Z
        defer { harness.cleanUp() }
        try harness.store.createBucket("bkt", now: harness.clock.date)
        try await harness.store.putObject(
            bucket: "bkt", key: ObjectKey("documents/a"), data: [1], now: harness.clock.date)
        try await harness.store.putObject(bucket: "bkt", key: ObjectKey("keep/b"), data: [1], now: harness.clock.date)
        try harness.store.updateBucketConfiguration("bkt") {
            $0.lifecycle = [LifecycleRule(id: "r", prefix: "documents/", enabled: true, expirationDays: 1)]
        }
        let sweeper = LifecycleSweeper(store: harness.store, clock: harness.clock)
        harness.clock.advance(seconds: 86_400)  // 2026-01-03T03:04:05: expiry is 2026-01-04T00:00
        #expect(try await sweeper.sweep() == 0)
        harness.clock.set(secondsSinceEpoch: 1_767_484_800)  // 2026-01-04T00:00:00Z
        #expect(try await sweeper.sweep() == 1)
        #expect(throws: S3Error.self) { try harness.store.openObject(bucket: "bkt", key: ObjectKey("documents/a")) }
        #expect(try harness.store.openObject(bucket: "bkt", key: ObjectKey("keep/b")).metadata.size == 1)
    }
}
