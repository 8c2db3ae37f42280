/// An error answer from an AWS service (or an emulator speaking its protocol), decoded from its body.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error code without namespace, e.g. `ConditionalCheckFailedException` or `NoSuchKey`.
    public var code: String
    public var message: String
    public var statusCode: Int
    public var requestID: String?

    public init(code: String, message: String, statusCode: Int, requestID: String? = nil) {
        self.code = code
        self.message = message
        self.statusCode = statusCode
        self.requestID = requestID
    }

    public var description: String { "\(code) (HTTP \(statusCode)): \(message)" }

    /// Whether a retry may succeed: throttling, and server-side failures.
    public var isRetryable: Bool {
        if statusCode >= 500 || statusCode == 429 { return true }
        return Self.throttlingCodes.contains(code)
    }

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "SlowDown", "RequestThrottled", "LimitExceededException",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// The code as botocore reads a JSON `__type`: after any `:` is cut, what follows the last `#`.
    static func code(fromType type: String) -> String {
        let beforeColon = type.split(separator: ":", maxSplits: 1).first.map(String.init) ?? type
        return beforeColon.split(separator: "#").last.map(String.init) ?? beforeColon
    }
}
