import Logging
import Synchronization

/// Log lines kept in memory, to check what a component writes.
public final class LogCapture: LogHandler, @unchecked Sendable {
    // `metadata` and `logLevel` are set only while a logger is being configured, before it is shared.
    private let lines = Mutex<[(message: String, metadata: Logger.Metadata)]>([])
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init() {}

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        lines.withLock { $0.append((event.message.description, event.metadata ?? [:])) }
    }

    /// Every line logged so far.
    public var all: [(message: String, metadata: Logger.Metadata)] { lines.withLock { $0 } }
}
