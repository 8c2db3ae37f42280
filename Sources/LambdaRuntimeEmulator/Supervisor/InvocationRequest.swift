/// One invoke as the supervisor receives it from the Invoke API or the async queue.
public struct InvocationRequest: Sendable, Equatable {
    public var requestID: String
    public var payload: [UInt8]
    /// The decoded JSON of `X-Amz-Client-Context`.
    public var clientContext: String?
    public var cognitoIdentity: String?
    public var tenantID: String?
    /// Who asked: the Invoke API, the async queue or the gateway.
    public var origin: InvocationOrigin

    public init(
        requestID: String, payload: [UInt8], clientContext: String? = nil, cognitoIdentity: String? = nil,
        tenantID: String? = nil, origin: InvocationOrigin = .requestResponse
    ) {
        self.origin = origin
        self.requestID = requestID
        self.payload = payload
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
    }
}

/// What the invoker gets back: the payload, whether it is a function error, and the invocation's log.
public struct InvocationResult: Sendable, Equatable {
    public var requestID: String
    public var outcome: RuntimeOutcome
    public var payload: [UInt8]
    public var contentType: String
    /// True for every failure Lambda reports with `X-Amz-Function-Error: Unhandled`.
    public var isFunctionError: Bool
    /// START … function output … END, REPORT.
    public var log: [UInt8]
    /// The REPORT line's figures; nil when no process ran the invocation (refused, or a failed launch).
    public var report: InvocationReport?

    init(requestID: String, outcome: RuntimeOutcome, function: FunctionConfiguration, log: [UInt8]) {
        self.requestID = requestID
        self.outcome = outcome
        self.log = log
        self.contentType = "application/json"
        self.isFunctionError = true
        switch outcome {
        case .response(let body, let contentType):
            payload = body
            self.contentType = contentType
            isFunctionError = false
        case .functionError(let body), .initError(let body):
            payload = body
        case .responseTooLarge(let bytes):
            payload = ErrorDocument.make(
                type: "Function.ResponseSizeTooLarge",
                message: "Response payload size (\(bytes) bytes) exceeded maximum allowed payload size "
                    + "(\(RuntimeAPIHandler.maximumResponseBytes) bytes).")
        case .runtimeExited(.exited(0)):
            payload = ErrorDocument.make(
                type: "Runtime.ExitError",
                message: "RequestId: \(requestID) Error: Runtime exited without providing a reason")
        case .runtimeExited(let exit):
            payload = ErrorDocument.make(
                type: "Runtime.ExitError",
                message: "RequestId: \(requestID) Error: Runtime exited with error: \(exit)")
        case .timedOut:
            payload = ErrorDocument.make(
                type: "Sandbox.Timedout",
                message: "RequestId: \(requestID) Error: Task timed out after \(function.timeoutSecondsText) seconds")
        }
    }

    /// The error type of a failed invocation, read from the payload.
    public var errorType: String? {
        guard isFunctionError else { return nil }
        return ErrorDocument.type(of: payload)
    }
}
