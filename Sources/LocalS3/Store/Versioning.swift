import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A bucket's versioning state; a bucket never versioned has none (and can never return to that).
public enum VersioningState: String, Sendable {
    case enabled = "Enabled"
    case suspended = "Suspended"
}

/// Versioning on disk: the current version stays at the object's path (so reads of the latest version cost
/// what they always did), older versions and delete markers sit in `versions/<hex path>.v/<version id>`
/// (`null` for the null version). Making a version noncurrent is a hard link under the key's lock before
/// the new version's rename; a crash in between leaves the same version under both names, which readers
/// treat as one. Deleting the current version promotes the newest older one with a rename.
extension FileStore {
    func versioningPath(_ bucket: String) -> String { bucketPath(bucket) + "/versioning" }
    func versionsPath(_ bucket: String) -> String { bucketPath(bucket) + "/versions" }

    func versionsDirectory(_ bucket: String, _ key: ObjectKey) -> String {
        var components = ObjectPath.components(for: key)
        components[components.count - 1] = String(components[components.count - 1].dropLast(2)) + ".v"
        return versionsPath(bucket) + "/" + components.joined(separator: "/")
    }

    /// The bucket's versioning state; nil when versioning was never configured (one failed open).
    public func versioning(_ bucket: String) throws -> VersioningState? {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.open(versioningPath(bucket), flags: O_RDONLY)
        } catch let error as StoreIOError where error.errnoValue == ENOENT {
            return nil
        }
        let text = String(decoding: try file.readBytes(count: 64, at: 0), as: UTF8.self)
        guard let state = VersioningState(rawValue: text) else {
            throw StoreIOError.corruptObject(path: versioningPath(bucket))
        }
        return state
    }

    public func setVersioning(_ bucket: String, _ state: VersioningState) throws {
        try requireBucket(bucket)
        let staging = tmp + "/" + UUID().uuidString.lowercased() + ".versioning"
        let file = try FileDescriptor.open(staging, flags: O_WRONLY | O_CREAT | O_EXCL)
        try file.writeAll(Array(state.rawValue.utf8))
        if durability == .fsync { try file.sync() }
        try FileSystem.rename(staging, versioningPath(bucket))
        if durability == .fsync { FileSystem.syncDirectory(bucketPath(bucket)) }
    }

    /// A new version id: URL-safe, unique in this store, and in ascending order from newest to oldest.
    static func makeVersionID() -> String {
        let nanos = UInt64(max(0, Date().timeIntervalSince1970 * 1e9))
        let issued = VersionClock.last.withLock { last in
            last = max(last + 1, nanos)
            return last
        }
        let random = (0..<6).map { _ in String(UInt8.random(in: 0...35), radix: 36) }.joined()
        let inverted = String(UInt64.max - issued, radix: 16)
        return String(repeating: "0", count: 16 - inverted.count) + inverted + random
    }

    /// Version ids we issue are lower-case hex and base-36; anything else can never name a file.
    static func isWellFormedVersionID(_ id: String) -> Bool {
        id == "null"
            || ((8...64).contains(id.utf8.count)
                && id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) })
    }

    /// Under the key's lock, before the new version is renamed over the current one: keeps the current
    /// version as a noncurrent one when the rules say so (always when enabled; when suspended, only a
    /// version with an id, since the new null version replaces the old null one).
    func archiveCurrent(bucket: String, key: ObjectKey, state: VersioningState) throws {
        let path = objectPath(bucket, key)
        let directory = versionsDirectory(bucket, key)
        if state == .suspended { try FileSystem.removeFile(directory + "/null") }
        guard let current = try openIfPresent(path) else { return }
        guard state == .enabled || current.metadata.versionId != nil else { return }
        try FileSystem.makeDirectories(directory)
        let target = directory + "/" + current.metadata.versionIdText
        if Glibc.link(path, target) != 0 && errno != EEXIST {
            throw StoreIOError.system(operation: "link", path: "\(path) -> \(target)", errno: errno)
        }
        if durability == .fsync { FileSystem.syncDirectory(directory) }
    }

    /// Adds a delete marker as the current version (its id is `null` when versioning is suspended).
    func putDeleteMarker(bucket: String, key: ObjectKey, now: Date, condition: WriteCondition? = nil) async throws
        -> ObjectMetadata
    {
        let staged = try stage(try BodyDigests(md5: false, sha256: false, checksum: nil))
        var metadata = ObjectMetadata(size: 0, etag: "", lastModified: now)
        metadata.deleteMarker = true
        return try await publish(staged, bucket: bucket, key: key, metadata: metadata, condition: condition)
    }

    /// Opens one version of an object: NoSuchVersion when there is no such version.
    public func openVersion(bucket: String, key: ObjectKey, versionID: String) throws -> StoredObject {
        guard Self.isWellFormedVersionID(versionID) else {
            throw S3Error(.invalidArgument, "Invalid version id specified")
        }
        try requireBucket(bucket)
        if let current = try openIfPresent(objectPath(bucket, key)), current.metadata.versionIdText == versionID {
            return current
        }
        guard let version = try openIfPresent(versionsDirectory(bucket, key) + "/" + versionID) else {
            throw S3Error(
                .noSuchVersion, "The specified version does not exist.",
                details: [.init("Key", key.description), .init("VersionId", versionID)])
        }
        return version
    }

    /// The noncurrent versions of a key (delete markers included), newest first, without the current one.
    public func noncurrentVersions(bucket: String, key: ObjectKey, currentID: String?) throws -> [ObjectMetadata] {
        let directory = versionsDirectory(bucket, key)
        var versions: [ObjectMetadata] = []
        for name in try FileSystem.entries(directory) where name != currentID {
            do {
                let path = directory + "/" + name
                let version = try StoredObject.open(path: path, readers: readers, cache: metadataCache)
                versions.append(version.metadata)
            } catch let error as StoreIOError where error.errnoValue == ENOENT {
                continue  // deleted since the directory was read
            }
        }
        return versions.sorted {
            ($0.lastModifiedMilliseconds, $1.versionIdText) > ($1.lastModifiedMilliseconds, $0.versionIdText)
        }
    }

    /// Permanently removes one version (or delete marker); removing the current version makes the newest
    /// older one current. Returns what was removed, nil when there was no such version.
    @discardableResult
    public func deleteVersion(bucket: String, key: ObjectKey, versionID: String) throws -> ObjectMetadata? {
        guard Self.isWellFormedVersionID(versionID) else {
            throw S3Error(.invalidArgument, "Invalid version id specified")
        }
        try requireBucket(bucket)
        let path = objectPath(bucket, key)
        let directory = versionsDirectory(bucket, key)
        let removed: ObjectMetadata? = try keyLocks.withLock(path) {
            let current = try openIfPresent(path)
            if let current, current.metadata.versionIdText == versionID {
                try FileSystem.removeFile(directory + "/" + versionID)
                if let newest = try noncurrentVersions(bucket: bucket, key: key, currentID: versionID).first {
                    try FileSystem.rename(directory + "/" + newest.versionIdText, path)
                } else {
                    try FileSystem.removeFile(path)
                }
                return current.metadata
            }
            let old = directory + "/" + versionID
            guard let version = try openIfPresent(old) else { return nil }
            try FileSystem.removeFile(old)
            return version.metadata
        }
        if durability == .fsync {
            FileSystem.syncDirectory(FileSystem.parentPath(path))
            FileSystem.syncDirectory(directory)
        }
        pruneEmptyDirectories(from: directory, stop: versionsPath(bucket))
        pruneEmptyDirectories(from: FileSystem.parentPath(path), stop: objectsPath(bucket))
        return removed
    }

    /// The object file at `path`, nil when there is none.
    func openIfPresent(_ path: String) throws -> StoredObject? {
        do {
            return try StoredObject.open(path: path, readers: readers, cache: metadataCache)
        } catch let error as StoreIOError where error.errnoValue == ENOENT || error.errnoValue == ENOTDIR {
            return nil
        }
    }

    func pruneEmptyDirectories(from start: String, stop: String) {
        var directory = start
        while directory.count > stop.count && FileSystem.removeEmptyDirectory(directory) {
            directory = FileSystem.parentPath(directory)
        }
    }
}

/// The last version-id timestamp issued, so ids stay strictly ordered even within one nanosecond tick.
private enum VersionClock {
    static let last = Mutex<UInt64>(0)
}
