import CurlHTTP

/// Why an AWS call failed.
public enum AWSClientError: Error, Sendable, CustomStringConvertible {
    /// DynamoDB refused a write whose condition did not hold; `item` is the existing item when asked for.
    case conditionalCheckFailed(item: DynamoItem?)
    /// Any other error answer from the service.
    case service(AWSServiceError)
    /// The request never got an answer: refused, timed out, TLS, DNS.
    case transport(HTTPClientError)
    /// The answer could not be read as the protocol's shape.
    case invalidResponse(String)
    /// The request could not be built or signed (a bad name, an out-of-range expiry, an unreadable file).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .conditionalCheckFailed: "ConditionalCheckFailedException: The conditional request failed"
        case .service(let error): error.description
        case .transport(let error): "no answer from the service: \(error)"
        case .invalidResponse(let reason): "unreadable answer from the service: \(reason)"
        case .invalidRequest(let reason): "invalid request: \(reason)"
        }
    }

    /// The service's error code, when the service answered with one.
    public var code: String? {
        switch self {
        case .conditionalCheckFailed: "ConditionalCheckFailedException"
        case .service(let error): error.code
        default: nil
        }
    }

    /// Whether another attempt may succeed.
    var isRetryable: Bool {
        switch self {
        case .service(let error): error.isRetryable
        case .transport(let error):
            switch error {
            case .timedOut, .sendFailed, .receiveFailed, .connectionRefused: true
            default: false
            }
        default: false
        }
    }
}
