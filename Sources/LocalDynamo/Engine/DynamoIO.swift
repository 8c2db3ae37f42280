import NIOPosix

/// Threads for LocalDynamo's blocking work (SQLite statements, commits, WAL checkpoint fsyncs), so it never
/// holds one of Swift's few cooperative threads while other requests wait. A process-wide constant.
enum DynamoIO {
    /// Four threads: one can serve a request group, one a checkpoint, one the TTL sweep, one a scan, while
    /// the engine's own lock keeps every SQLite connection to one thread at a time.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    /// Runs `work` on the pool and waits for it without blocking the caller's thread.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws(DynamoError) -> T) async throws(DynamoError)
        -> T
    {
        let result: Result<T, DynamoError>
        do {
            result = try await pool.runIfActive { () -> Result<T, DynamoError> in
                do throws(DynamoError) {
                    return .success(try work())
                } catch {
                    return .failure(error)
                }
            }
        } catch {
            // Only an inactive pool fails here, and this pool is started once and never shut down.
            throw DynamoError(.internalServerError, "the LocalDynamo I/O pool is not running: \(error)")
        }
        return try result.get()
    }

    /// Queues `work` on the pool without waiting (the group-commit drain).
    static func submit(_ work: @escaping @Sendable () -> Void) {
        pool.submit { _ in work() }
    }
}
