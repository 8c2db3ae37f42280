import CFileExchange
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Failures of the filesystem underneath the store.
public enum StoreIOError: Error, Sendable, CustomStringConvertible {
    case system(operation: String, path: String, errno: Int32)
    /// A stored file that does not decode; `reason` is the decoder's complaint, when there is one.
    case corruptObject(path: String, reason: String? = nil)

    public var description: String {
        switch self {
        case .system(let operation, let path, let code):
            "\(operation) \(path): \(String(cString: strerror(code)))"
        case .corruptObject(let path, nil): "stored object is corrupt: \(path)"
        case .corruptObject(let path, let reason?): "stored object is corrupt: \(path): \(reason)"
        }
    }

    var errnoValue: Int32? {
        if case .system(_, _, let code) = self { return code }
        return nil
    }
}

/// An owned POSIX file descriptor, closed when the last reference goes away.
final class FileDescriptor: Sendable {
    let raw: Int32
    let path: String

    private init(raw: Int32, path: String) {
        self.raw = raw
        self.path = path
    }

    deinit { close(raw) }

    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws -> FileDescriptor {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StoreIOError.system(operation: "open", path: path, errno: errno) }
        return FileDescriptor(raw: fd, path: path)
    }

    /// Writes every byte, retrying short writes.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(raw, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw StoreIOError.system(operation: "write", path: path, errno: errno)
            }
            offset += written
        }
    }

    func writeAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeAll($0) }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        var total = 0
        while total < buffer.count {
            let got = pread(raw, buffer.baseAddress! + total, buffer.count - total, off_t(offset) + off_t(total))
            if got < 0 {
                if errno == EINTR { continue }
                throw StoreIOError.system(operation: "read", path: path, errno: errno)
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    func readBytes(count: Int, at offset: Int64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { try read(into: $0, at: offset) }
        return Array(bytes[0..<got])
    }

    /// Reads a range into a fresh buffer from the allocator.
    func readBuffer(count: Int, at offset: Int64, allocator: ByteBufferAllocator) throws -> ByteBuffer {
        var buffer = allocator.buffer(capacity: count)
        try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { pointer in
            try read(into: UnsafeMutableRawBufferPointer(rebasing: pointer[0..<count]), at: offset)
        }
        return buffer
    }

    func status() throws -> stat {
        var info = stat()
        guard fstat(raw, &info) == 0 else { throw StoreIOError.system(operation: "fstat", path: path, errno: errno) }
        return info
    }

    /// Cuts the file to `length` bytes (or extends it with zeros).
    func truncate(to length: Int64) throws {
        guard ftruncate(raw, off_t(length)) == 0 else {
            throw StoreIOError.system(operation: "ftruncate", path: path, errno: errno)
        }
    }

    func sync() throws {
        guard fsync(raw) == 0 else { throw StoreIOError.system(operation: "fsync", path: path, errno: errno) }
    }

    /// `fdatasync`: the data and the metadata needed to read it back (size, blocks), not timestamps.
    func syncData() throws {
        guard fdatasync(raw) == 0 else {
            throw StoreIOError.system(operation: "fdatasync", path: path, errno: errno)
        }
    }
}

/// Small filesystem operations the store needs, with errno-carrying errors.
enum FileSystem {
    static func makeDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            let parent = parentPath(path)
            guard parent != path else { throw StoreIOError.system(operation: "mkdir", path: path, errno: ENOENT) }
            try makeDirectories(parent)
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw StoreIOError.system(operation: "mkdir", path: path, errno: errno)
    }

    static func parentPath(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw StoreIOError.system(operation: "rename", path: "\(from) -> \(to)", errno: errno)
        }
    }

    /// Moves `source` to `destination` atomically. When `destination` existed, the two are exchanged and the
    /// replaced file is left at `source` (true), for the caller to reuse or delete; else a plain rename (false).
    static func replace(_ destination: String, with source: String) throws -> Bool {
        if cfileexchange_swap(source, destination) == 0 { return true }
        // ENOENT: no file to replace (a missing source fails the rename below with its own error). EINVAL,
        // ENOSYS: a filesystem without exchange.
        guard errno == ENOENT || errno == EINVAL || errno == ENOSYS else {
            throw StoreIOError.system(operation: "exchange", path: "\(source) <-> \(destination)", errno: errno)
        }
        try rename(source, destination)
        return false
    }

    /// Removes a file; a missing file is not an error.
    static func removeFile(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw StoreIOError.system(operation: "unlink", path: path, errno: errno)
        }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Names in a directory (without `.` and `..`); empty when the directory does not exist.
    static func entries(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw StoreIOError.system(operation: "opendir", path: path, errno: errno)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a directory tree.
    static func removeTree(_ path: String) throws {
        if isDirectory(path) {
            for name in try entries(path) { try removeTree(path + "/" + name) }
            guard rmdir(path) == 0 || errno == ENOENT else {
                throw StoreIOError.system(operation: "rmdir", path: path, errno: errno)
            }
        } else {
            try removeFile(path)
        }
    }

    /// Removes a directory only if empty; reports whether it went.
    @discardableResult
    static func removeEmptyDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

    static func syncDirectory(_ path: String) {
        // Best effort: makes a rename durable; some filesystems refuse fsync on directories.
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }
}
