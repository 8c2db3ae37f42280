import BuildingBlocks

/// An Invoke API refusal in the shape botocore reads: status, `X-Amzn-ErrorType`, `{"Type","message"}`.
public struct InvokeAPIError: Error, Sendable, Equatable {
    public var status: Int
    public var code: String
    public var message: String
    public var reason: String?

    static func functionNotFound(_ arn: String) -> InvokeAPIError {
        InvokeAPIError(status: 404, code: "ResourceNotFoundException", message: "Function not found: \(arn)")
    }

    static func invalidParameter(_ message: String) -> InvokeAPIError {
        InvokeAPIError(status: 400, code: "InvalidParameterValueException", message: message)
    }

    static func invalidContent(_ message: String) -> InvokeAPIError {
        InvokeAPIError(status: 400, code: "InvalidRequestContentException", message: message)
    }

    static func tooLarge(bytes: Int, limit: Int) -> InvokeAPIError {
        InvokeAPIError(
            status: 413, code: "RequestTooLargeException",
            message: "Request must be smaller than \(limit) bytes for the InvokeFunction operation")
    }

    static func tooManyRequests(_ function: String) -> InvokeAPIError {
        InvokeAPIError(
            status: 429, code: "TooManyRequestsException", message: "Rate Exceeded. \(function) has no free capacity",
            reason: "ReservedFunctionConcurrentInvocationLimitExceeded")
    }

    static func service(_ message: String) -> InvokeAPIError {
        InvokeAPIError(status: 500, code: "ServiceException", message: message)
    }

    /// The JSON body.
    var body: [UInt8] {
        var text = #"{"Type":"\#(status >= 500 ? "Service" : "User")","message":\#(JSONText.quote(message))"#
        if let reason { text += #","Reason":\#(JSONText.quote(reason))"# }
        return Array((text + "}").utf8)
    }
}
