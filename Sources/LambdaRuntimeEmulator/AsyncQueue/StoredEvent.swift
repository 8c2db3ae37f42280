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
