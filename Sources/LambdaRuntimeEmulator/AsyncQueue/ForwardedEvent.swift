/// Where a finished event's record goes instead of the dead letters: a destination function's queue.
public struct ForwardedEvent: Sendable, Equatable {
    public var function: String
    public var request: InvocationRequest
}
