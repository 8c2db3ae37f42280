import NIOPosix

/// Threads for filesystem calls that can block for milliseconds (fsync, rename), so they never hold
/// one of Swift's few cooperative threads while concurrent requests wait. A process-wide constant.
enum BlockingIO {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }
}
