/// Deletes expired items in the background, one batch per period. Each sweep is an index range scan
/// over the expiry column, so its cost grows with the number of expired items, not the table size.
public struct TTLSweeper: Sendable {
    public let engine: DynamoEngine
    public let period: Duration
    public let batchSize: Int

    public init(engine: DynamoEngine, period: Duration = .seconds(1), batchSize: Int = 1000) {
        self.engine = engine
        self.period = period
        self.batchSize = batchSize
    }

    /// Sweeps until the task is cancelled; a full batch is followed at once by another.
    public func run() async {
        while !Task.isCancelled {
            let deleted = (try? await engine.sweepInBackground(limit: batchSize)) ?? 0
            if deleted < batchSize {
                try? await Task.sleep(for: period)
            } else {
                await Task.yield()
            }
        }
    }
}

/// Runs WAL checkpoints in the background every period (see `DynamoEngine.checkpoint`).
public struct WALCheckpointer: Sendable {
    public let engine: DynamoEngine
    public let period: Duration

    public init(engine: DynamoEngine, period: Duration = .milliseconds(500)) {
        self.engine = engine
        self.period = period
    }

    /// Checkpoints until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            try? await engine.checkpointInBackground()
            try? await Task.sleep(for: period)
        }
    }
}
