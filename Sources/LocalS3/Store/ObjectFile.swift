import Foundation
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// The on-disk object format: the bytes, then the metadata as JSON, then its length and a magic tag.
/// One file per object means one `rename` publishes data and metadata together.
enum ObjectFileFormat {
    static let magic: [UInt8] = Array("LS3OBJv1".utf8)
    static let footerLength = 16
    /// How much of a file's end is read at once when opening it: the footer and, usually, the metadata.
    static let tailRead = 4096

    static func footer(metadataLength: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt64(metadataLength).littleEndian) { Array($0) } + magic
    }

    static func encode(_ metadata: ObjectMetadata) -> [UInt8] {
        ObjectMetadataJSON.encode(metadata)
    }
}

/// An object opened for reading. Reads go to the descriptor opened once, so an overwrite that happens
/// meanwhile (a rename over the path) never produces a torn read: while it is open, the replaced file is
/// not reused for another upload.
public struct StoredObject: Sendable {
    public let metadata: ObjectMetadata
    let file: FileDescriptor
    /// Keeps the file from being reused while this object (or a copy of it) is alive.
    private let registration: ReaderRegistration

    /// Opens an object file, registered with `readers` so that it is not reused while open. One read usually
    /// brings both the footer and the metadata JSON before it; `cache` spares decoding JSON seen before.
    static func open(path: String, readers: InodeRecycler, cache: MetadataCache? = nil) throws -> StoredObject {
        while true {
            let started = readers.beginOpen()
            let file: FileDescriptor
            let info: stat
            do {
                file = try FileDescriptor.open(path, flags: O_RDONLY)
                info = try file.status()
            } catch {
                readers.cancelOpen()
                throw error
            }
            // Nil: the file was replaced and handed out for reuse before this reader was counted; open the
            // path again, which now names the newer file.
            guard let registration = readers.finishOpen(inode: UInt64(info.st_ino), started: started) else {
                continue
            }
            return try open(file, size: Int64(info.st_size), registration: registration, cache: cache)
        }
    }

    private static func open(
        _ file: FileDescriptor, size total: Int64, registration: ReaderRegistration, cache: MetadataCache?
    ) throws -> StoredObject {
        let path = file.path
        let footerLength = ObjectFileFormat.footerLength
        guard total >= Int64(footerLength) else { throw StoreIOError.corruptObject(path: path) }
        let tailLength = Int(min(total, Int64(ObjectFileFormat.tailRead)))
        let tail = try file.readBytes(count: tailLength, at: total - Int64(tailLength))
        guard tail.count == tailLength, Array(tail[(tailLength - 8)...]) == ObjectFileFormat.magic else {
            throw StoreIOError.corruptObject(path: path)
        }
        let lengthBytes = tail[(tailLength - footerLength)..<(tailLength - 8)]
        let length = lengthBytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
        let metadataStart = total - Int64(footerLength) - Int64(length)
        guard length < 1 << 24, metadataStart >= 0 else { throw StoreIOError.corruptObject(path: path) }
        let json: [UInt8]
        if Int(length) + footerLength <= tailLength {
            let end = tailLength - footerLength
            json = Array(tail[(end - Int(length))..<end])
        } else {
            json = try file.readBytes(count: Int(length), at: metadataStart)
        }
        var metadata = cache?.metadata(for: json)
        if metadata == nil {
            do {
                let decoded = try JSONDecoder().decode(ObjectMetadata.self, from: Data(json))
                cache?.store(decoded, for: json)
                metadata = decoded
            } catch {
                throw StoreIOError.corruptObject(path: path, reason: "metadata: \(error)")
            }
        }
        guard let metadata, metadata.size == metadataStart else { throw StoreIOError.corruptObject(path: path) }
        return StoredObject(metadata: metadata, file: file, registration: registration)
    }

    /// Reads `count` bytes of the object's data starting at `offset`.
    public func read(offset: Int64, count: Int, allocator: ByteBufferAllocator = ByteBufferAllocator()) throws
        -> ByteBuffer
    {
        let available = max(0, min(Int64(count), metadata.size - offset))
        return try file.readBuffer(count: Int(available), at: offset, allocator: allocator)
    }

    /// The whole object's data (small objects and tests).
    public func readAll() throws -> [UInt8] {
        try file.readBytes(count: Int(metadata.size), at: 0)
    }

    /// Copies a byte range into a staged file, hashing as it goes.
    func copy(range: Range<Int64>, into staged: StagedFile) throws {
        var offset = range.lowerBound
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while offset < range.upperBound {
            let want = Int(min(Int64(chunk), range.upperBound - offset))
            let got = try buffer.withUnsafeMutableBytes {
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<want]), at: offset)
            }
            guard got == want else { throw StoreIOError.corruptObject(path: file.path) }
            try buffer.withUnsafeBytes { try staged.write(UnsafeRawBufferPointer(rebasing: $0[0..<want])) }
            offset += Int64(want)
        }
    }
}

/// A body being written to a temporary file beside the store, hashed on the fly. Nothing is visible
/// until `publish` renames it into place; a crash leaves only a temporary file, removed at next start.
final class StagedFile {
    let path: String
    private let file: FileDescriptor
    let digests: BodyDigests
    /// Makes the published name durable; nil when writes are not synced at all.
    private let directorySyncer: DirectorySyncer?
    private var sync: Bool { directorySyncer != nil }
    private var finished = false
    /// Bytes written so far, and how many of them writeback has been started for.
    private var written: Int64 = 0
    /// Whether the file is a spare whose old content may extend past what this upload writes.
    private var reused = false
    private var writebackStarted: Int64 = 0

    /// Where replaced files come from and go to (see `InodeRecycler`).
    private let recycler: InodeRecycler

    /// With a `directorySyncer`, `publish` answers once the data and the new directory entry are on disk.
    /// The file is a spare from `recycler` when there is one, else a new file in `directory`.
    init(directory: String, digests: BodyDigests, directorySyncer: DirectorySyncer?, recycler: InodeRecycler) throws {
        self.directorySyncer = directorySyncer
        self.recycler = recycler
        self.digests = digests
        if let spare = recycler.takeSpare() {
            // Not truncated now: the new bytes overwrite blocks the file already has, and `publish` cuts off
            // what remains of the old content. Truncating first would free every block (with a discard request
            // each, on a filesystem mounted with `discard`) only to allocate them again.
            self.path = spare
            self.file = try FileDescriptor.open(spare, flags: O_WRONLY)
            self.reused = true
        } else {
            self.path = directory + "/" + UUID().uuidString.lowercased() + ".tmp"
            self.file = try FileDescriptor.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o644)
        }
    }

    deinit {
        if !finished { unlink(path) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        digests.update(bytes)
        try file.writeAll(bytes)
        written += Int64(bytes.count)
    }

    /// Chunks at least this large are written on a blocking-I/O thread while the receiving task hashes them.
    static let overlapThreshold = 128 * 1024

    /// Appends a received chunk. A large chunk is copied into the file on a blocking-I/O thread while this
    /// task hashes it, so the two overlap; when fsync is on, every `Writeback.step` bytes the kernel is
    /// asked to start writing them to disk, so the fsync before publishing finds little left to do.
    func append(_ buffer: ByteBuffer) async throws {
        let count = buffer.readableBytes
        let end = written + Int64(count)
        let writeback = sync && end - writebackStarted >= Writeback.step ? writebackStarted..<end : nil
        if writeback != nil { writebackStarted = end }
        let file = self.file
        if count >= Self.overlapThreshold {
            async let stored: Void = BlockingIO.run {
                try buffer.withUnsafeReadableBytes { try file.writeAll($0) }
                if let writeback { Writeback.start(file, range: writeback) }
            }
            buffer.withUnsafeReadableBytes { digests.update($0) }
            try await stored
            written += Int64(count)
        } else {
            try write(buffer)
            if let writeback { try await BlockingIO.run { Writeback.start(file, range: writeback) } }
        }
    }

    func write(_ buffer: ByteBuffer) throws {
        try buffer.withUnsafeReadableBytes { try write($0) }
    }

    /// Appends the metadata, flushes to disk and moves the file to `destination` atomically. With `locks`,
    /// `check` runs and the rename happens under the destination's lock (a conditional write's moment of truth).
    /// When syncing, the data goes to disk with `fdatasync` (a new file's size and blocks are included; its
    /// other metadata need not be) and the directory entry with a directory fsync shared by concurrent writers.
    func publish(
        metadata: ObjectMetadata, to destination: String, locks: KeyLocks? = nil,
        check: (@Sendable () throws -> Void)? = nil
    ) async throws {
        let json = ObjectFileFormat.encode(metadata)
        let footer = ObjectFileFormat.footer(metadataLength: json.count)
        try file.writeAll(json)
        try file.writeAll(footer)
        if reused { try file.truncate(to: written + Int64(json.count + footer.count)) }
        let file = self.file
        let path = self.path
        let sync = self.sync
        let recycler = self.recycler
        let parent = FileSystem.parentPath(destination)
        try await BlockingIO.run {
            if sync { try file.syncData() }
            // A concurrent delete may prune the empty parent between mkdir and rename; try again then.
            var attempts = 0
            var replaced: Bool
            while true {
                try FileSystem.makeDirectories(parent)
                do {
                    if let locks {
                        replaced = try locks.withLock(destination) {
                            try check?()
                            return try FileSystem.replace(destination, with: path)
                        }
                    } else {
                        replaced = try FileSystem.replace(destination, with: path)
                    }
                    break
                } catch let error as StoreIOError where error.errnoValue == ENOENT && attempts < 5 {
                    attempts += 1
                }
            }
            if replaced { Self.recycleReplaced(at: path, recycler: recycler) }
        }
        finished = true
        await directorySyncer?.sync(parent)
    }

    /// The file an exchange left at `path` (the one the upload replaced): a spare for a later upload, or
    /// deleted when it cannot be reused. The upload is published by then, so nothing here may fail it: a
    /// file that cannot be examined or deleted stays in the staging directory, which is emptied at start.
    private static func recycleReplaced(at path: String, recycler: InodeRecycler) {
        var info = stat()
        let examined = stat(path, &info) == 0
        let offered =
            examined
            && recycler.offer(
                path: path, inode: UInt64(info.st_ino), size: Int64(info.st_size), links: Int(info.st_nlink))
        if !offered { unlink(path) }
    }
}
