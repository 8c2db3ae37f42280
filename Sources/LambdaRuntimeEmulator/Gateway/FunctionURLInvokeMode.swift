/// A Function URL's `InvokeMode`: the function's answer collected (`BUFFERED`) or passed on as it is produced
/// (`RESPONSE_STREAM`).
public enum FunctionURLInvokeMode: String, Sendable {
    case buffered = "BUFFERED"
    case responseStream = "RESPONSE_STREAM"
}
