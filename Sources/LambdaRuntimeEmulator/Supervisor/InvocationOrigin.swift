/// How an invocation reached the supervisor, as the console lists it.
public enum InvocationOrigin: String, Sendable, Codable, CaseIterable {
    /// A synchronous Invoke (the Invoke API, InvokeWithResponseStream, `invoke`, the console's form).
    case requestResponse = "RequestResponse"
    /// A queued `Event`, run by the async queue (retries and destination records included).
    case event = "Event"
    /// A Function URL request through the gateway.
    case gateway
}
