import Foundation

/// An `Event` invocation as stored until it has run.
public struct StoredEvent: Sendable, Equatable {
    public var id: Int64
    public var function: String
    public var request: InvocationRequest
    /// Attempts started so far, counting the one this value was claimed for.
    public var attempts: Int
    /// When the Invoke API accepted the event (its age is measured from here).
    public var enqueuedAt: Date
    /// The error document of the last failed attempt, if any.
    public var lastError: [UInt8]?
}

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

/// Where a finished event's record goes instead of the dead letters: a destination function's queue.
public struct ForwardedEvent: Sendable, Equatable {
    public var function: String
    public var request: InvocationRequest
}
