/// A streaming response used out of order.
public enum LambdaStreamError: Error, Equatable {
    /// The content type was set after the first byte was sent.
    case alreadyStarted
    /// A write came after `finish()`.
    case alreadyFinished
}
