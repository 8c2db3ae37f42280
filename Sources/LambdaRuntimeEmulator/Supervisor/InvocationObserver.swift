/// Told of every invocation a `FunctionPool` runs (the console's invocation history).
///
/// Both calls sit on the invoke path, so an observer must return at once: record, never wait.
public protocol InvocationObserver: Sendable {
    /// An invocation arrived at its function's pool; the returned token names it in `invocationEnded`.
    func invocationStarted(_ request: InvocationRequest, function: String) -> UInt64
    /// The invocation ended with `result`, or was refused before it ran (nil: every environment busy and the
    /// queue full).
    func invocationEnded(_ token: UInt64, result: InvocationResult?)
}
