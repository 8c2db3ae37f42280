import NIOCore

/// A connection's event loop as a task executor: an invoke's task, and the actors it calls, run on the thread
/// that reads and writes the connection, so the invoke needs no hop to Swift's cooperative pool and back.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }
}
