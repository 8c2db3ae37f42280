import Foundation

/// A stored event that failed every attempt, or expired, and had no failure destination.
public struct DeadLetter: Sendable, Equatable, Codable {
    public var id: Int64
    public var function: String
    public var requestID: String
    public var payload: String
    public var error: String
    public var attempts: Int
    /// `RetriesExhausted` or `EventAgeExceeded`, as in a destination record's `condition`.
    public var condition: String
    public var failedAt: Date
    /// For a stream batch an event source mapping gave up: Lambda's failure record (`DDBStreamBatchInfo` with the
    /// shard and the batch's sequence-number range), as JSON text; nil for an asynchronous invocation.
    public var batchInfo: String?
}
