import Logging

/// A log handler that reports, at debug level, the two errors HummingbirdCore logs whenever a listener's
/// task is cancelled (`Waiting on child channel: CancellationError()`, `Server shutdown error: Already
/// closed`): stopping a listener is how the emulator shuts one down, not a failure. Everything else passes.
public struct ShutdownNoiseFilter: LogHandler {
    public var base: any LogHandler

    static let noise = ["Waiting on child channel: CancellationError", "Server shutdown error: Already closed"]

    public var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    public var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        if event.level == .error, Self.noise.contains(where: { "\(event.message)".hasPrefix($0) }) {
            guard base.logLevel <= .debug else { return }
            event.level = .debug
        }
        base.log(event: event)
    }

    /// `logger` with its handler wrapped.
    public static func wrapping(_ logger: Logger) -> Logger {
        let handler = ShutdownNoiseFilter(base: logger.handler)
        return Logger(label: logger.label, factory: { _ in handler })
    }
}
