#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Hands a job to the worker without waiting for it.
public protocol WorkerInvoking: Sendable {
    /// Queues the event; throws a message a person can read when the worker cannot be reached.
    func invoke(_ event: WorkerEvent) async throws(WorkerInvokeError)
}

/// Why the worker could not be invoked.
public struct WorkerInvokeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
