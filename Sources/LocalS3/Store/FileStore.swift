import AWSSignature
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// S3 buckets and objects kept under one data directory:
/// `buckets/<name>/bucket.json`, `buckets/<name>/objects/<hex path>.o`, `buckets/<name>/uploads/<id>/`,
/// and `tmp/` for bodies being received. Safe to share between tasks: every change is a rename.
public struct FileStore: Sendable {
    /// Whether a write is on disk before it is acknowledged.
    public enum Durability: Sendable {
        /// fsync the object and its directory before answering (the default: acknowledged data survives a crash).
        case fsync
        /// Leave flushing to the kernel: faster, but a power loss may drop recent writes (a process crash does not).
        case none
    }

    public let root: String
    public let durability: Durability
    let tmp: String
    let bucketsRoot: String
    /// Decoded metadata of object files read before, by their JSON bytes.
    let metadataCache = MetadataCache()
    /// Serialises publishing and deleting per key path (see `KeyLocks`).
    let keyLocks = KeyLocks()
    /// One directory fsync for the concurrent writes of a batch (see `DirectorySyncer`).
    let directorySyncer = DirectorySyncer()
    /// Open readers of object files, and replaced files kept for reuse as staging files (see `InodeRecycler`).
    let readers = InodeRecycler()

    /// Opens (creating if needed) a store, removing temporary files a crash left behind.
    public init(dataDirectory: String, durability: Durability = .fsync) throws {
        self.durability = durability
        var root = dataDirectory
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.tmp = root + "/tmp"
        self.bucketsRoot = root + "/buckets"
        try FileSystem.makeDirectories(bucketsRoot)
        try FileSystem.makeDirectories(tmp)
        for name in try FileSystem.entries(tmp) { try FileSystem.removeTree(tmp + "/" + name) }
    }

    // MARK: Paths

    func bucketPath(_ bucket: String) -> String { bucketsRoot + "/" + bucket }
    func objectsPath(_ bucket: String) -> String { bucketPath(bucket) + "/objects" }
    func uploadsPath(_ bucket: String) -> String { bucketPath(bucket) + "/uploads" }
    func configPath(_ bucket: String) -> String { bucketPath(bucket) + "/bucket.json" }

    func objectPath(_ bucket: String, _ key: ObjectKey) -> String {
        objectsPath(bucket) + "/" + ObjectPath.components(for: key).joined(separator: "/")
    }

    // MARK: Buckets

    /// Every bucket with its configuration, sorted by name.
    public func listBuckets() throws -> [(name: String, configuration: BucketConfiguration)] {
        try FileSystem.entries(bucketsRoot).sorted().compactMap { name in
            guard BucketName.isValid(name) else { return nil }
            do {
                return (name, try bucketConfiguration(name))
            } catch let error as S3Error where error.code == .noSuchBucket {
                return nil  // a directory without bucket.json: a bucket being deleted, or debris of one
            }
        }
    }

    public func bucketExists(_ bucket: String) -> Bool {
        BucketName.isValid(bucket) && FileSystem.exists(configPath(bucket))
    }

    /// Creates a bucket; returns false when it already existed (its contents untouched). A new bucket gets
    /// `access` (by default S3's: the default user's, ACLs disabled, public access blocked).
    @discardableResult
    public func createBucket(_ bucket: String, now: Date, access: BucketAccess = .newBucket(owner: nil)) throws -> Bool
    {
        guard BucketName.isValid(bucket) else {
            throw S3Error(
                .invalidBucketName, "The specified bucket is not valid.", details: [.init("BucketName", bucket)])
        }
        if bucketExists(bucket) { return false }
        let staging = tmp + "/" + UUID().uuidString.lowercased() + ".bucket"
        try FileSystem.makeDirectories(staging + "/objects")
        try FileSystem.makeDirectories(staging + "/uploads")
        var configuration = BucketConfiguration(created: now)
        configuration.access = access
        try writeJSON(configuration, to: staging + "/bucket.json")
        if Glibc.rename(staging, bucketPath(bucket)) != 0 {
            var code = errno
            if (code == EEXIST || code == ENOTEMPTY) && !bucketExists(bucket) {
                // A directory without bucket.json is debris of a write racing a bucket deletion: clear it away.
                let debris = tmp + "/" + UUID().uuidString.lowercased() + ".debris"
                try FileSystem.rename(bucketPath(bucket), debris)
                try FileSystem.removeTree(debris)
                if Glibc.rename(staging, bucketPath(bucket)) == 0 {
                    FileSystem.syncDirectory(bucketsRoot)
                    return true
                }
                code = errno
            }
            try? FileSystem.removeTree(staging)  // best effort: tmp/ is emptied at the next start anyway
            if code == EEXIST || code == ENOTEMPTY { return false }
            throw StoreIOError.system(operation: "rename", path: bucketPath(bucket), errno: code)
        }
        if durability == .fsync { FileSystem.syncDirectory(bucketsRoot) }
        return true
    }

    /// Deletes an empty bucket (in-progress uploads go with it).
    public func deleteBucket(_ bucket: String) throws {
        try requireBucket(bucket)
        var empty = true
        try walkKeys(bucket: bucket, prefix: [], after: nil) { _ in
            empty = false
            return false
        }
        guard empty else {
            throw S3Error(
                .bucketNotEmpty, "The bucket you tried to delete is not empty", details: [.init("BucketName", bucket)])
        }
        let graveyard = tmp + "/" + UUID().uuidString.lowercased() + ".deleted"
        try FileSystem.rename(bucketPath(bucket), graveyard)
        try FileSystem.removeTree(graveyard)
    }

    public func bucketConfiguration(_ bucket: String) throws -> BucketConfiguration {
        guard BucketName.isValid(bucket), let data = FileManager.default.contents(atPath: configPath(bucket)) else {
            throw S3Error.noSuchBucket(bucket)
        }
        do {
            return try JSONDecoder().decode(BucketConfiguration.self, from: data)
        } catch {
            throw StoreIOError.corruptObject(path: configPath(bucket), reason: "\(error)")
        }
    }

    /// Changes a bucket's configuration (last writer wins, as in S3).
    public func updateBucketConfiguration(_ bucket: String, _ change: (inout BucketConfiguration) throws -> Void)
        throws
    {
        var configuration = try bucketConfiguration(bucket)
        try change(&configuration)
        try writeJSON(configuration, to: configPath(bucket))
    }

    func requireBucket(_ bucket: String) throws {
        guard bucketExists(bucket) else { throw S3Error.noSuchBucket(bucket) }
    }

    // MARK: Objects

    /// Opens the current version of an object for reading; NoSuchKey (with `x-amz-delete-marker`) when
    /// the current version is a delete marker.
    public func openObject(bucket: String, key: ObjectKey) throws -> StoredObject {
        let object: StoredObject
        do {
            object = try StoredObject.open(path: objectPath(bucket, key), readers: readers, cache: metadataCache)
        } catch let error as StoreIOError where error.errnoValue == ENOENT || error.errnoValue == ENOTDIR {
            try requireBucket(bucket)
            throw S3Error.noSuchKey(key)
        }
        if object.metadata.isDeleteMarker {
            var error = S3Error.noSuchKey(key)
            error.headers = [
                .init("x-amz-delete-marker", "true"), .init("x-amz-version-id", object.metadata.versionIdText),
            ]
            throw error
        }
        return object
    }

    /// Starts receiving a body into a temporary file.
    func stage(_ digests: BodyDigests) throws -> StagedFile {
        try StagedFile(
            directory: tmp, digests: digests, directorySyncer: durability == .fsync ? directorySyncer : nil,
            recycler: readers)
    }

    /// Publishes a staged body as the object `key`, replacing any previous one atomically; with a
    /// `condition`, only if it still holds at the instant of the rename. In a versioned bucket the new
    /// version gets its id (returned in the metadata) and the one it replaces is kept as noncurrent.
    @discardableResult
    func publish(
        _ staged: StagedFile, bucket: String, key: ObjectKey, metadata: ObjectMetadata,
        condition: WriteCondition? = nil
    ) async throws -> ObjectMetadata {
        try requireBucket(bucket)
        let path = objectPath(bucket, key)
        var metadata = metadata
        let versioning = try versioning(bucket)
        if let versioning { metadata.versionId = versioning == .enabled ? Self.makeVersionID() : nil }
        if condition == nil && versioning == nil {
            try await staged.publish(metadata: metadata, to: path, locks: keyLocks)
        } else {
            try await staged.publish(metadata: metadata, to: path, locks: keyLocks) {
                try condition?.verify(path: path, key: key)
                if let versioning { try archiveCurrent(bucket: bucket, key: key, state: versioning) }
            }
        }
        return metadata
    }

    /// Stores a whole object from bytes in memory (tests, small bodies).
    @discardableResult
    public func putObject(
        bucket: String, key: ObjectKey, data: [UInt8], headers: StoredHeaders = StoredHeaders(), now: Date
    ) async throws -> ObjectMetadata {
        try requireBucket(bucket)
        let staged = try stage(try BodyDigests(sha256: false, checksum: nil))
        try data.withUnsafeBytes { try staged.write($0) }
        let results = staged.digests.finish()
        let metadata = ObjectMetadata(
            size: results.byteCount, etag: results.md5Hex, lastModified: now, headers: headers)
        return try await publish(staged, bucket: bucket, key: key, metadata: metadata)
    }

    /// Deletes an object; deleting a missing key succeeds, as in S3. With `ifMatch`, only the object whose
    /// ETag matches (412 otherwise, 404 when there is none), checked under the key's lock.
    public func deleteObject(bucket: String, key: ObjectKey, ifMatch: String? = nil) throws {
        try requireBucket(bucket)
        let path = objectPath(bucket, key)
        try keyLocks.withLock(path) {
            if let ifMatch { try WriteCondition.check(.etag(ifMatch), path: path, key: key, readers: readers) }
            try FileSystem.removeFile(path)
        }
        // Prune directories the key's path left empty, up to the objects root.
        let stop = objectsPath(bucket)
        var directory = FileSystem.parentPath(path)
        while directory.count > stop.count && FileSystem.removeEmptyDirectory(directory) {
            directory = FileSystem.parentPath(directory)
        }
    }

    /// Visits keys in S3 byte order, starting after `after`, limited to `prefix`; `visit` returns false to stop.
    public func walkKeys(bucket: String, prefix: [UInt8], after: [UInt8]?, visit: (ObjectKey) throws -> Bool)
        throws
    {
        try requireBucket(bucket)
        let walker = KeyTreeWalker(
            prefixHex: Array(Hex.encode(prefix).utf8), afterHex: after.map { Array(Hex.encode($0).utf8) })
        _ = try walker.walk(directory: objectsPath(bucket), hexSoFar: [], visit: visit)
    }

    // MARK: Helpers

    func writeJSON(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(value)
        let staging = tmp + "/" + UUID().uuidString.lowercased() + ".json"
        let file = try FileDescriptor.open(staging, flags: O_WRONLY | O_CREAT | O_EXCL)
        try file.writeAll(Array(data))
        if durability == .fsync { try file.sync() }
        try FileSystem.rename(staging, path)
    }
}

/// Walks the hex-named object tree in key order, skipping subtrees outside the prefix or before the marker.
struct KeyTreeWalker {
    let prefixHex: [UInt8]
    let afterHex: [UInt8]?

    /// Returns false when the visitor asked to stop.
    func walk(directory: String, hexSoFar: [UInt8], visit: (ObjectKey) throws -> Bool) throws -> Bool {
        var children: [(hex: [UInt8], isObject: Bool, name: String)] = []
        for name in try FileSystem.entries(directory) {
            if name.hasSuffix(ObjectPath.objectSuffix) {
                children.append((hexSoFar + Array(name.utf8.dropLast(2)), true, name))
            } else if name.hasSuffix(ObjectPath.directorySuffix) {
                children.append((hexSoFar + Array(name.utf8.dropLast(2)), false, name))
            }
        }
        children.sort { lhs, rhs in
            lhs.hex == rhs.hex ? (lhs.isObject && !rhs.isObject) : lhs.hex.lexicographicallyPrecedes(rhs.hex)
        }
        for child in children {
            if child.isObject {
                guard child.hex.starts(with: prefixHex) else { continue }
                if let after = afterHex, !after.lexicographicallyPrecedes(child.hex) { continue }
                guard let key = Hex.decode(String(decoding: child.hex, as: UTF8.self)) else { continue }
                if try !visit(ObjectKey(bytes: key)) { return false }
            } else {
                guard child.hex.starts(with: prefixHex) || prefixHex.starts(with: child.hex) else { continue }
                if let after = afterHex, child.hex.lexicographicallyPrecedes(after), !after.starts(with: child.hex) {
                    continue
                }
                if try !walk(directory: directory + "/" + child.name, hexSoFar: child.hex, visit: visit) {
                    return false
                }
            }
        }
        return true
    }
}
