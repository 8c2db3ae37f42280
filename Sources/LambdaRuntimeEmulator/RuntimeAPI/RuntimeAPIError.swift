import BuildingBlocks

/// A Runtime API refusal, rendered as `{"errorMessage":…,"errorType":…}` with its HTTP status.
public struct RuntimeAPIError: Error, Sendable, Equatable {
    public var status: Int
    public var errorType: String
    public var errorMessage: String

    static let invalidRequestID = RuntimeAPIError(
        status: 400, errorType: "InvalidRequestID", errorMessage: "Invalid request ID")

    static func invalidStateTransition(from state: String, to target: String) -> RuntimeAPIError {
        RuntimeAPIError(
            status: 403, errorType: "InvalidStateTransition",
            errorMessage: "State transition from \(state) to \(target) failed for runtime. "
                + "Error: State transition is not allowed")
    }

    static func invalidResponseMode(_ mode: String) -> RuntimeAPIError {
        RuntimeAPIError(
            status: 400, errorType: "InvalidFunctionResponseMode",
            errorMessage: "Invalid function response mode: \(mode)")
    }

    static func payloadTooLarge(limit: Int) -> RuntimeAPIError {
        RuntimeAPIError(
            status: 413, errorType: "RequestEntityTooLarge",
            errorMessage: "Exceeded maximum allowed payload size (\(limit) bytes).")
    }

    static let shutDown = RuntimeAPIError(
        status: 500, errorType: "Runtime.EnvironmentShutDown",
        errorMessage: "The execution environment is shutting down")

    /// The JSON body.
    var body: [UInt8] {
        Array(#"{"errorMessage":\#(JSONText.quote(errorMessage)),"errorType":\#(JSONText.quote(errorType))}"#.utf8)
    }
}
