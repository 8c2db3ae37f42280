/// One invocation as the Runtime API hands it to a runtime on `/next`.
public struct RuntimeInvocation: Sendable, Equatable {
    public var requestID: String
    /// Issued per delivery, echoed by the runtime; rejects late answers to a request id reused after a restart.
    public var invocationID: String
    public var deadlineMilliseconds: Int64
    public var functionARN: String
    public var traceID: String
    /// Decoded JSON of the invoker's `X-Amz-Client-Context`.
    public var clientContext: String?
    public var cognitoIdentity: String?
    public var tenantID: String?
    public var payload: [UInt8]

    public init(
        requestID: String, invocationID: String, deadlineMilliseconds: Int64, functionARN: String,
        traceID: String, clientContext: String? = nil, cognitoIdentity: String? = nil, tenantID: String? = nil,
        payload: [UInt8]
    ) {
        self.requestID = requestID
        self.invocationID = invocationID
        self.deadlineMilliseconds = deadlineMilliseconds
        self.functionARN = functionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
        self.payload = payload
    }
}

/// How an invocation ended, as seen from the Runtime API and the process supervisor.
public enum RuntimeOutcome: Sendable, Equatable {
    /// `/response`: the body and its content type, verbatim.
    case response(body: [UInt8], contentType: String)
    /// `/error`: the error document, verbatim.
    case functionError(body: [UInt8])
    /// `/init/error` before the first `/next`.
    case initError(body: [UInt8])
    /// `/response` larger than the payload limit.
    case responseTooLarge(bytes: Int)
    /// The runtime process ended before answering.
    case runtimeExited(ProcessExit)
    /// The deadline passed before the runtime answered.
    case timedOut
}

/// How a process ended.
public enum ProcessExit: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    public var description: String {
        switch self {
        case .exited(let code): return "exit status \(code)"
        case .signaled(let signal): return "signal: \(Self.signalName(signal))"
        }
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 9: return "killed"
        case 15: return "terminated"
        case 11: return "segmentation fault"
        case 6: return "aborted"
        default: return "signal \(signal)"
        }
    }
}
