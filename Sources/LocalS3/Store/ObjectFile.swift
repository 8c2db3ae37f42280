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

    static func footer(metadataLength: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt64(metadataLength).littleEndian) { Array($0) } + magic
    }

    static func encode(_ metadata: ObjectMetadata) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            return Array(try encoder.encode(metadata))
        } catch {
            throw StoreIOError.corruptObject(path: "metadata encoding: \(error)")
        }
    }
}

/// An object opened for reading. Reads go to the descriptor opened once, so an overwrite that happens
/// meanwhile (a rename over the path) never produces a torn read.
public struct StoredObject: Sendable {
    public let metadata: ObjectMetadata
    let file: FileDescriptor

    static func open(path: String) throws -> StoredObject {
        let file = try FileDescriptor.open(path, flags: O_RDONLY)
        let total = try file.size()
        guard total >= Int64(ObjectFileFormat.footerLength) else { throw StoreIOError.corruptObject(path: path) }
        let footer = try file.readBytes(
            count: ObjectFileFormat.footerLength, at: total - Int64(ObjectFileFormat.footerLength))
        guard footer.count == ObjectFileFormat.footerLength, Array(footer[8...]) == ObjectFileFormat.magic else {
            throw StoreIOError.corruptObject(path: path)
        }
        let length = footer[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
        let metadataStart = total - Int64(ObjectFileFormat.footerLength) - Int64(length)
        guard length < 1 << 24, metadataStart >= 0 else { throw StoreIOError.corruptObject(path: path) }
        let json = try file.readBytes(count: Int(length), at: metadataStart)
        guard let metadata = try? JSONDecoder().decode(ObjectMetadata.self, from: Data(json)),
            metadata.size == metadataStart
        else { throw StoreIOError.corruptObject(path: path) }
        return StoredObject(metadata: metadata, file: file)
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
    private let sync: Bool
    private var finished = false

    init(directory: String, digests: BodyDigests, sync: Bool) throws {
        self.sync = sync
        self.path = directory + "/" + UUID().uuidString.lowercased() + ".tmp"
        self.file = try FileDescriptor.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o644)
        self.digests = digests
    }

    deinit {
        if !finished { unlink(path) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        digests.update(bytes)
        try file.writeAll(bytes)
    }

    func write(_ buffer: ByteBuffer) throws {
        try buffer.withUnsafeReadableBytes { try write($0) }
    }

    /// Appends the metadata, flushes to disk and moves the file to `destination` atomically.
    func publish(metadata: ObjectMetadata, to destination: String) async throws {
        let json = try ObjectFileFormat.encode(metadata)
        try file.writeAll(json)
        try file.writeAll(ObjectFileFormat.footer(metadataLength: json.count))
        let file = self.file
        let path = self.path
        let sync = self.sync
        try await BlockingIO.run {
            if sync { try file.sync() }
            let parent = FileSystem.parentPath(destination)
            // A concurrent delete may prune the empty parent between mkdir and rename; try again then.
            var attempts = 0
            while true {
                try FileSystem.makeDirectories(parent)
                do {
                    try FileSystem.rename(path, destination)
                    break
                } catch let error as StoreIOError where error.errnoValue == ENOENT && attempts < 5 {
                    attempts += 1
                }
            }
            if sync { FileSystem.syncDirectory(parent) }
        }
        finished = true
    }

    /// Drops the staged bytes.
    func discard() {
        finished = true
        unlink(path)
    }
}
