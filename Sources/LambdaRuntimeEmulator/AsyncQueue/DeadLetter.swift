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
}
