/// Why the runtime client could not carry on talking to the Runtime API.
public enum LambdaRuntimeError: Error, Equatable, CustomStringConvertible {
    /// `AWS_LAMBDA_RUNTIME_API` is unset or not `host:port`.
    case missingRuntimeAPIAddress
    /// `/next` answered without a header every invocation must carry.
    case missingHeader(String)
    /// A header had a value that could not be parsed.
    case invalidHeader(name: String, value: String)
    /// The Runtime API answered with a status the contract does not allow here.
    case unexpectedStatus(path: String, status: Int, body: String)
    /// The HTTP exchange itself failed (connection refused, reset, ...).
    case transport(String)

    public var description: String {
        switch self {
        case .missingRuntimeAPIAddress: return "AWS_LAMBDA_RUNTIME_API is not set to host:port"
        case .missingHeader(let name): return "the Runtime API sent no \(name) header"
        case .invalidHeader(let name, let value): return "the Runtime API sent \(name): \(value), which is invalid"
        case .unexpectedStatus(let path, let status, let body): return "\(path) answered \(status): \(body)"
        case .transport(let message): return "Runtime API transport failed: \(message)"
        }
    }
}

/// Errors the loop reports on behalf of the handler, named as Lambda names them.
public enum LambdaFunctionError: LambdaReportableError, Equatable {
    /// The encoded response exceeded the synchronous payload limit.
    case responseSizeTooLarge(bytes: Int, limit: Int)
    /// The event could not be decoded into the handler's event type.
    case unmarshal(String)
    /// The handler's output could not be encoded.
    case marshal(String)

    public var errorType: String {
        switch self {
        case .responseSizeTooLarge: return "Function.ResponseSizeTooLarge"
        case .unmarshal: return "Runtime.UnmarshalError"
        case .marshal: return "Runtime.MarshalError"
        }
    }

    public var errorMessage: String {
        switch self {
        case .responseSizeTooLarge(let bytes, let limit):
            return "Response payload size (\(bytes) bytes) exceeded maximum allowed payload size (\(limit) bytes)."
        case .unmarshal(let detail): return "Unable to unmarshal input: \(detail)"
        case .marshal(let detail): return "Unable to marshal response: \(detail)"
        }
    }
}
