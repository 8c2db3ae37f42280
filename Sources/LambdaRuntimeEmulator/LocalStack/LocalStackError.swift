/// Why a local stack did not start.
public enum LocalStackError: Error, Equatable, CustomStringConvertible {
    /// LocalDynamo or LocalS3 could not listen (most often: its port is taken).
    case localServicesNotStarted
    /// The gateway names a function the stack does not host.
    case unknownGatewayFunction(String)

    public var description: String {
        switch self {
        case .localServicesNotStarted: return "LocalDynamo or LocalS3 did not start (is the port in use?)"
        case .unknownGatewayFunction(let name): return "the gateway function \(name) is not among the functions"
        }
    }
}
