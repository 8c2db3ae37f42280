import BuildingBlocks
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A task executor that owns one thread. The runtime loop, the handler and the Runtime API exchanges run their
/// jobs there, so an invocation needs no thread hop, and the exchanges may block this thread (it is nobody
/// else's, never one of the cooperative pool's). Jobs run one at a time in the order they were enqueued.
public final class RuntimeThread: TaskExecutor, Sendable {
    private let jobs = Mutex(FIFOQueue<UnownedJob>())
    /// Counts queued jobs; the thread sleeps on it when there are none.
    private let available = DispatchSemaphore(value: 0)
    private let thread = Mutex<pthread_t?>(nil)

    /// Starts the thread.
    public init() {
        let box = Unmanaged.passRetained(self)
        var created = pthread_t()
        let result = pthread_create(
            &created, nil,
            { context in
                let executor = Unmanaged<RuntimeThread>.fromOpaque(context!).takeRetainedValue()
                executor.runJobs()
                return nil
            }, box.toOpaque())
        precondition(result == 0, "pthread_create failed: \(result)")
        pthread_detach(created)
        thread.withLock { $0 = created }
    }

    /// Whether the caller runs on this executor's thread.
    public var isCurrent: Bool {
        guard let owner = thread.withLock({ $0 }) else { return false }
        return pthread_equal(owner, pthread_self()) != 0
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        jobs.withLock { $0.append(unowned) }
        available.signal()
    }

    private func runJobs() {
        let executor = asUnownedTaskExecutor()
        while true {
            available.wait()
            guard let job = jobs.withLock({ $0.popFirst() }) else { continue }
            job.runSynchronously(on: executor)
        }
    }
}
