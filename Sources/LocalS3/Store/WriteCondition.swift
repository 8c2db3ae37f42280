import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A conditional write's precondition (`If-None-Match: *` or `If-Match: <etag>`) and what the key held
/// when the request began, checked again at the moment of publishing, under the key's lock.
public struct WriteCondition: Sendable {
    /// What the request asked for.
    public enum Requirement: Sendable, Equatable {
        /// `If-None-Match: *`: the key must not exist.
        case absent
        /// `If-Match`: the current ETag must be one of these (`*` matches any existing object).
        case etag(String)
    }

    public let requirement: Requirement
    /// Identity (device, inode) of the object file when the request began; nil when there was none.
    let initialIdentity: FileIdentity?
    /// The store's reader registry, for opening the object file.
    let readers: InodeRecycler

    /// Reads `If-None-Match` / `If-Match` from a write request; nil when it carries neither.
    static func parse(_ headers: HeaderList) throws -> Requirement? {
        if let none = headers["if-none-match"] {
            guard none.trimmingCharacters(in: .whitespaces) == "*" else {
                throw S3Error(
                    .notImplemented, "A header you provided implies functionality that is not implemented",
                    details: [.init("Header", "If-None-Match")])
            }
            return .absent
        }
        if let match = headers["if-match"] { return .etag(match) }
        return nil
    }

    /// The condition of a write request to `key`, with the key's state now; nil for unconditional writes.
    /// Fails at once (412/404) when the condition already does not hold, before any body is stored.
    static func begin(_ headers: HeaderList, store: FileStore, bucket: String, key: ObjectKey) throws
        -> WriteCondition?
    {
        guard let requirement = try parse(headers) else { return nil }
        let path = store.objectPath(bucket, key)
        let identity = FileIdentity(path: path)
        try check(requirement, path: path, key: key, readers: store.readers)
        return WriteCondition(requirement: requirement, initialIdentity: identity, readers: store.readers)
    }

    /// Checks the condition against the object at `path` now: 412 PreconditionFailed, 404 NoSuchKey for
    /// `If-Match` on a missing key, 409 ConditionalRequestConflict when the key changed since the request
    /// began although the condition still holds.
    func verify(path: String, key: ObjectKey) throws {
        try Self.check(requirement, path: path, key: key, readers: readers)
        if FileIdentity(path: path) != initialIdentity {
            throw S3Error(
                .conditionalRequestConflict,
                "A conflicting operation occurred. If using PutObject you can retry the request. If using multipart upload you should initiate another CreateMultipartUpload request and re-upload each part."
            )
        }
    }

    static func check(_ requirement: Requirement, path: String, key: ObjectKey, readers: InodeRecycler) throws {
        switch requirement {
        case .absent:
            // A delete marker counts as no object.
            if let current = try open(path, readers: readers), !current.metadata.isDeleteMarker {
                throw Conditionals.failed("If-None-Match")
            }
        case .etag(let wanted):
            guard let current = try open(path, readers: readers), !current.metadata.isDeleteMarker else {
                throw S3Error.noSuchKey(key)
            }
            guard Conditionals.matches(wanted, current.metadata.etag) else { throw Conditionals.failed("If-Match") }
        }
    }
}

extension WriteCondition {
    /// The object file at `path`, nil when there is none.
    static func open(_ path: String, readers: InodeRecycler) throws -> StoredObject? {
        do {
            return try StoredObject.open(path: path, readers: readers)
        } catch let error as StoreIOError where error.errnoValue == ENOENT || error.errnoValue == ENOTDIR {
            return nil
        }
    }
}

/// Which file a path named at some moment: a rename over the path gives it a new identity.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    /// The inode's change time, so an inode number reused by a later file is not taken for the old file.
    let changed: Int64

    /// The identity of the file at `path`, nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }
}
