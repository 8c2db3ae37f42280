import Foundation

/// One invocation as the console shows it: who ran it, how it ended, its figures and its own log lines.
public struct InvocationRecord: Sendable, Equatable {
    /// How an invocation ended, or that it has not yet.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case running
        case success
        /// A function error, an init error or a runtime that exited.
        case error
        case timeout
        /// Refused before it ran: every environment busy and the function's queue full.
        case throttled
    }

    /// Increases with every invocation; names the record in the API.
    public let sequence: UInt64
    public let requestID: String
    public let function: String
    public let origin: InvocationOrigin
    public let startedAt: Date
    public internal(set) var status = Status.running
    public internal(set) var errorType: String?
    public internal(set) var report: InvocationReport?
    /// The event's first bytes (`InvocationHistory.previewLimit`) and its full size.
    public let payload: [UInt8]
    public let payloadSize: Int
    /// The answer's (or error document's) first bytes and its full size.
    public internal(set) var response: [UInt8] = []
    public internal(set) var responseSize = 0
    /// The invocation's log, START to REPORT (the tail when it was longer than `InvocationHistory.logLimit`).
    public internal(set) var log: [UInt8] = []
    public internal(set) var logTruncated = false
    /// The history's change counter when this record last changed (what the live stream sends).
    public internal(set) var version: UInt64

    /// Whether the record's event or log contains `text` (bytewise, case-sensitive).
    public func mentions(_ text: [UInt8]) -> Bool {
        guard !text.isEmpty else { return true }
        return Self.contains(payload, text) || Self.contains(log, text) || Self.contains(Array(requestID.utf8), text)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return needle.isEmpty }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// The status a finished invocation's outcome maps to.
    static func status(of result: InvocationResult) -> Status {
        switch result.outcome {
        case .response: return .success
        case .timedOut: return .timeout
        default: return .error
        }
    }
}
