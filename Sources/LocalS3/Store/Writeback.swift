#if canImport(Glibc)
    import Glibc
#endif

/// Starts the kernel writing a file's dirty pages to disk without waiting for them (Linux
/// `sync_file_range(SYNC_FILE_RANGE_WRITE)`), so a large body streams to disk while it is received and the
/// fsync before the 200 finds little left to do. Where the call is unavailable it does nothing, and the
/// fsync alone still makes the bytes durable.
enum Writeback {
    /// How many written bytes wait before writeback is started for them.
    static let step: Int64 = 8 << 20

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    /// `SYNC_FILE_RANGE_WRITE` from `<fcntl.h>`.
    private static let syncFileRangeWrite: UInt32 = 2

    /// Glibc declares `sync_file_range` only under `_GNU_SOURCE`, which Swift's Glibc module does not set,
    /// so the symbol is looked up once at run time.
    private static let syncFileRange: SyncFileRange? = {
        #if os(Linux)
            guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
            return unsafeBitCast(symbol, to: SyncFileRange.self)
        #else
            return nil
        #endif
    }()

    /// Asks the kernel to start writing `range` of the file out; errors are ignored (the fsync reports them).
    static func start(_ file: FileDescriptor, range: Range<Int64>) {
        guard let syncFileRange, !range.isEmpty else { return }
        _ = syncFileRange(file.raw, range.lowerBound, Int64(range.count), syncFileRangeWrite)
    }
}
