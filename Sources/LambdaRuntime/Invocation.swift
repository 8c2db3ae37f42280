import CurlHTTP

/// One event handed out by `GET /runtime/invocation/next`, with its metadata headers.
public struct Invocation: Sendable, Equatable {
    public var metadata: InvocationMetadata
    public var event: [UInt8]

    public init(metadata: InvocationMetadata, event: [UInt8]) {
        self.metadata = metadata
        self.event = event
    }
}

/// The `/next` response headers that describe an invocation.
public struct InvocationMetadata: Sendable, Equatable {
    public var requestID: String
    public var deadline: LambdaClock.Instant
    public var invokedFunctionARN: String
    public var traceID: String?
    public var clientContext: String?
    public var cognitoIdentity: String?
    public var tenantID: String?
    public var invocationID: String?

    public init(
        requestID: String, deadline: LambdaClock.Instant, invokedFunctionARN: String, traceID: String? = nil,
        clientContext: String? = nil, cognitoIdentity: String? = nil, tenantID: String? = nil,
        invocationID: String? = nil
    ) {
        self.requestID = requestID
        self.deadline = deadline
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
        self.invocationID = invocationID
    }

    /// Reads the metadata from `/next` headers (names compared case-insensitively).
    public init(headers: [String: String]) throws(LambdaRuntimeError) {
        try self.init(fields: HTTPHeaders(headers.map { ($0.key, $0.value) }))
    }

    /// Reads the metadata from the `/next` response's header fields (names compared case-insensitively).
    public init(fields: HTTPHeaders) throws(LambdaRuntimeError) {
        func required(_ name: String) throws(LambdaRuntimeError) -> String {
            guard let value = fields[name], !value.isEmpty else { throw .missingHeader(name) }
            return value
        }
        let deadlineText = try required(RuntimeHeader.deadline)
        guard let deadline = Int64(deadlineText) else {
            throw .invalidHeader(name: RuntimeHeader.deadline, value: deadlineText)
        }
        self.init(
            requestID: try required(RuntimeHeader.requestID),
            deadline: LambdaClock.Instant(millisecondsSinceEpoch: deadline),
            invokedFunctionARN: try required(RuntimeHeader.invokedFunctionARN),
            traceID: fields[RuntimeHeader.traceID],
            clientContext: fields[RuntimeHeader.clientContext],
            cognitoIdentity: fields[RuntimeHeader.cognitoIdentity],
            tenantID: fields[RuntimeHeader.tenantID],
            invocationID: fields[RuntimeHeader.invocationID])
    }
}

/// Header names of the Runtime API 2018-06-01.
public enum RuntimeHeader {
    public static let requestID = "Lambda-Runtime-Aws-Request-Id"
    public static let deadline = "Lambda-Runtime-Deadline-Ms"
    public static let invokedFunctionARN = "Lambda-Runtime-Invoked-Function-Arn"
    public static let traceID = "Lambda-Runtime-Trace-Id"
    public static let clientContext = "Lambda-Runtime-Client-Context"
    public static let cognitoIdentity = "Lambda-Runtime-Cognito-Identity"
    public static let tenantID = "Lambda-Runtime-Aws-Tenant-Id"
    public static let invocationID = "Lambda-Runtime-Invocation-Id"
    public static let functionErrorType = "Lambda-Runtime-Function-Error-Type"
    public static let responseMode = "Lambda-Runtime-Function-Response-Mode"
}
