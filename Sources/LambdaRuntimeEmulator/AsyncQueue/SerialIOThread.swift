import Foundation

/// One dedicated thread that runs blocking work (SQLite statements and their fsyncs) in submission order,
/// so it never holds one of Swift's few cooperative threads while other tasks wait.
///
/// Work runs one job at a time, which also serialises every use of a non-thread-safe resource it guards.
final class SerialIOThread: Sendable {
    /// The job queue the thread drains; kept apart from `SerialIOThread` so the thread does not keep it alive.
    private final class Jobs: @unchecked Sendable {
        let condition = NSCondition()
        var pending: [@Sendable () -> Void] = []
        var stopped = false

        func loop() {
            while true {
                condition.lock()
                while pending.isEmpty && !stopped { condition.wait() }
                if pending.isEmpty {
                    condition.unlock()
                    return
                }
                let batch = pending
                pending = []
                condition.unlock()
                for job in batch { job() }
            }
        }
    }

    private let jobs = Jobs()

    init(name: String) {
        let thread = Thread { [jobs] in jobs.loop() }
        thread.name = name
        thread.stackSize = 256 * 1024
        thread.start()
    }

    deinit {
        jobs.condition.lock()
        jobs.stopped = true
        jobs.condition.signal()
        jobs.condition.unlock()
    }

    /// Runs `work` on the thread and returns its result.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try work() }) }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        jobs.condition.lock()
        jobs.pending.append(job)
        jobs.condition.signal()
        jobs.condition.unlock()
    }
}
