import BuildingBlocks
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A swift-log handler that writes one JSON object per line, the shape CloudWatch and `jq` read best.
public struct JSONLogHandler: LogHandler {
    /// Where finished lines go; the default writes to standard output.
    public typealias Sink = @Sendable (String) -> Void

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let sink: Sink
    private let now: @Sendable () -> Date

    public init(
        label: String, level: Logger.Level = .info, sink: @escaping Sink = JSONLogHandler.standardOutput,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.label = label
        self.logLevel = level
        self.sink = sink
        self.now = now
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: JSONValue] = [
            "time": .string(Self.timestamp(now())),
            "level": .string(event.level.rawValue),
            "logger": .string(label),
            "message": .string(event.message.description),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, explicit in explicit }
        for (key, value) in merged where fields[key] == nil {
            fields[key] = Self.jsonValue(value)
        }
        if event.level >= .error {
            fields["source"] = .string("\(event.file):\(event.line)")
        }
        sink(Self.encode(fields))
    }

    /// Writes a line to standard output in one `write` call, so concurrent lines never interleave.
    public static let standardOutput: Sink = { line in
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Bootstraps swift-log so that every logger in the process writes JSON lines.
    /// The level comes from `LOG_LEVEL` (trace ... critical), defaulting to `info`.
    public static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
    }

    static func jsonValue(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let string): return .string(string)
        case .stringConvertible(let convertible): return .string(convertible.description)
        case .array(let values): return .array(values.map(jsonValue))
        case .dictionary(let dictionary): return .object(dictionary.mapValues(jsonValue))
        }
    }

    /// One line of compact JSON, keys sorted.
    static func encode(_ fields: [String: JSONValue]) -> String { JSONValue.object(fields).sortedCompactText }

    /// ISO-8601 UTC with milliseconds, formatted by hand: log lines are hot and formatters are not Sendable.
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let millis = Int(((interval - Double(seconds)) * 1000).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }
}
