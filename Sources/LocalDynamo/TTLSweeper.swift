import Logging

/// Deletes expired items in the background, one batch per period, and trims stream records past their
/// 24 hours. Each sweep is an index range scan over the expiry column, so its cost grows with the number of
/// expired items, not the table size. Runs on the engine's I/O threads.
public struct TTLSweeper: Sendable {
    public let engine: DynamoEngine
    public let period: Duration
    public let batchSize: Int
    public let logger: Logger

    public init(
        engine: DynamoEngine, period: Duration = .seconds(1), batchSize: Int = 1000,
        logger: Logger = Logger(label: "localdynamo")
    ) {
        self.engine = engine
        self.period = period
        self.batchSize = batchSize
        self.logger = logger
    }

    /// Sweeps until the task is cancelled; a full batch is followed at once by another.
    public func run() async {
        var health = FailureLog(logger: logger, activity: "TTL sweep")
        while !Task.isCancelled {
            var deleted = 0
            do throws(DynamoError) {
                deleted = try await engine.sweepInBackground(limit: batchSize)
                health.succeeded()
            } catch {
                health.failed(error)
            }
            if deleted < batchSize {
                do {
                    try await Task.sleep(for: period)
                } catch {
                    return  // cancelled: the sweeper stops
                }
            } else {
                await Task.yield()
            }
        }
    }
}

/// Runs WAL checkpoints in the background every period (see `DynamoEngine.checkpoint`), on the engine's
/// I/O threads.
public struct WALCheckpointer: Sendable {
    public let engine: DynamoEngine
    public let period: Duration
    public let logger: Logger

    public init(
        engine: DynamoEngine, period: Duration = .milliseconds(500), logger: Logger = Logger(label: "localdynamo")
    ) {
        self.engine = engine
        self.period = period
        self.logger = logger
    }

    /// Checkpoints until the task is cancelled.
    public func run() async {
        var health = FailureLog(logger: logger, activity: "WAL checkpoint")
        while !Task.isCancelled {
            do throws(DynamoError) {
                try await engine.checkpointInBackground()
                health.succeeded()
            } catch {
                health.failed(error)
            }
            do {
                try await Task.sleep(for: period)
            } catch {
                return  // cancelled: the checkpointer stops
            }
        }
    }
}

/// Logs a background loop's failures once per state change: the first failure (and a different one
/// after it), then one line when it succeeds again, never one line per period.
struct FailureLog {
    let logger: Logger
    let activity: String
    private(set) var failure: String?

    init(logger: Logger, activity: String) {
        self.logger = logger
        self.activity = activity
    }

    mutating func failed(_ error: DynamoError) {
        let message = error.message ?? error.kind.rawValue
        guard failure != message else { return }
        failure = message
        logger.error("\(activity) failing", metadata: ["error": "\(message)"])
    }

    mutating func succeeded() {
        guard let previous = failure else { return }
        failure = nil
        logger.info("\(activity) recovered", metadata: ["previous_error": "\(previous)"])
    }
}
