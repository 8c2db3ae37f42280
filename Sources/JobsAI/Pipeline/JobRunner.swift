import BuildingBlocks
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How a worker invocation ended.
public struct JobRunOutcome: Sendable, Codable, Equatable {
    public var jobID: String
    /// The job's status when the worker let go of it (nil when the job does not exist).
    public var status: JobStatus?
    /// The error message written, if any.
    public var error: String?

    enum CodingKeys: String, CodingKey { case jobID = "job_id", status, error }
}

/// Runs one job: marks it running, runs the pipeline beside a once-a-second heartbeat that writes progress
/// and reads the status, and ends the job `complete`, `cancelled`, `error` or `timed_out`.
public struct JobRunner: Sendable {
    private let store: any JobStore
    private let pipeline: JobPipeline
    /// Tells the time for the job's timestamps and deadline, and paces the heartbeat.
    private let clock: any WallClock
    private let interval: Double
    private let logger: Logger
    /// Time kept back before the Lambda deadline to write `timed_out` (at most a fifth of the time left, so a
    /// short function timeout still leaves the job time to run).
    public static let deadlineMargin = 10.0

    public init(
        store: any JobStore, pipeline: JobPipeline, clock: any WallClock,
        heartbeatInterval: Double = 1, logger: Logger = Logger(label: "jobsai-worker")
    ) {
        self.store = store
        self.pipeline = pipeline
        self.clock = clock
        self.interval = heartbeatInterval
        self.logger = logger
    }

    private enum Ending: Sendable {
        case finished(JobResult)
        case failed(String)
        case interrupted(JobInterruption)
    }

    /// Runs the job of `event`. Throws only when the job store cannot be reached at the start (so the
    /// invocation fails and Lambda retries it).
    public func run(_ event: WorkerEvent, lambdaDeadline: Date? = nil) async throws(JobStoreError) -> JobRunOutcome {
        let jobID = event.jobID
        let started = try await store.markRunning(jobID, at: clock.date)
        guard started == .running else {
            if started == .cancelling {
                let status = try await store.finish(jobID, status: .cancelled, result: nil, error: nil, at: clock.date)
                return JobRunOutcome(jobID: jobID, status: status, error: nil)
            }
            logger.warning(
                "job not started", metadata: ["job_id": "\(jobID)", "status": "\(String(describing: started))"])
            return JobRunOutcome(jobID: jobID, status: started, error: nil)
        }
        let record = try await store.get(jobID)
        var deadline = record?.deadlineAt ?? clock.date.addingTimeInterval(900)
        if let lambdaDeadline {
            let margin = min(Self.deadlineMargin, max(0, lambdaDeadline.timeIntervalSince(clock.date)) / 5)
            deadline = min(deadline, lambdaDeadline.addingTimeInterval(-margin))
        }
        let reporter = ProgressReporter(
            store: store, jobID: jobID, clock: clock, deadline: deadline, interval: interval)
        let ending = await race(event, reporter: reporter)
        return await finish(jobID, ending, reporter: reporter)
    }

    /// The pipeline and the heartbeat side by side; whichever ends first decides, the other is cancelled.
    private func race(_ event: WorkerEvent, reporter: ProgressReporter) async -> Ending {
        let pipeline = self.pipeline
        let clock = self.clock
        let interval = self.interval
        return await withTaskGroup(of: Ending?.self) { group in
            group.addTask {
                do {
                    return .finished(
                        try await pipeline.run(jobID: event.jobID, answers: event.answers, progress: reporter))
                } catch let interruption as JobInterruption {
                    return .interrupted(interruption)
                } catch let failure as StepFailure {
                    return .failed(failure.description)
                } catch is CancellationError {
                    return .interrupted(await reporter.interruption ?? .cancelled)
                } catch {
                    return .failed("The job failed unexpectedly: \(PlainWords.describe(error))")
                }
            }
            group.addTask {
                while true {
                    do {
                        try await clock.sleep(seconds: interval)
                    } catch {
                        return nil
                    }
                    if Task.isCancelled { return nil }
                    if let stop = await reporter.heartbeat() { return .interrupted(stop) }
                }
            }
            var ending: Ending = .interrupted(.cancelled)
            for await result in group {
                guard let result else { continue }
                ending = result
                break
            }
            group.cancelAll()
            return ending
        }
    }

    private func finish(_ jobID: String, _ ending: Ending, reporter: ProgressReporter) async -> JobRunOutcome {
        var status: JobStatus
        var result: JobResult?
        var message: String?
        switch ending {
        case .finished(let produced):
            // The final counts; a cancel that arrived while the last letter was stored still wins over `complete`.
            switch await reporter.flush() {
            case .cancelled?:
                status = .cancelled
            case .timedOut?, nil:
                status = .complete
                result = produced
            }
        case .failed(let text):
            status = .error
            message = text
        case .interrupted(.cancelled):
            status = .cancelled
        case .interrupted(.timedOut):
            status = .timedOut
            message =
                "The job did not finish before its deadline. Try fewer cover letters or turn deep search off."
        }
        do {
            let final = try await store.finish(jobID, status: status, result: result, error: message, at: clock.date)
            logger.info(
                "job ended", metadata: ["job_id": "\(jobID)", "status": "\(final.map(\.rawValue) ?? "unknown")"])
            return JobRunOutcome(jobID: jobID, status: final, error: message)
        } catch {
            logger.error("could not record the job's end", metadata: ["job_id": "\(jobID)", "error": "\(error)"])
            return JobRunOutcome(jobID: jobID, status: status, error: message ?? error.description)
        }
    }
}
