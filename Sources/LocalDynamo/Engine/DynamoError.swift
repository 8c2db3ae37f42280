/// An error the service reports to the client, in DynamoDB's own terms (type, status, message, extras).
public struct DynamoError: Error, Sendable, Equatable {
    /// The exception classes LocalDynamo raises; the raw value is the name after `#` in `__type`.
    public enum Kind: String, Sendable {
        case validation = "ValidationException"
        case serialization = "SerializationException"
        case unknownOperation = "UnknownOperationException"
        case resourceNotFound = "ResourceNotFoundException"
        case resourceInUse = "ResourceInUseException"
        case conditionalCheckFailed = "ConditionalCheckFailedException"
        case transactionCanceled = "TransactionCanceledException"
        case idempotentParameterMismatch = "IdempotentParameterMismatchException"
        case limitExceeded = "LimitExceededException"
        case internalServerError = "InternalServerError"
        case missingAuthenticationToken = "MissingAuthenticationTokenException"
        case expiredIterator = "ExpiredIteratorException"

        /// The `__type` namespace: coral-validate, coral-service or the DynamoDB service namespace.
        var namespace: String {
            switch self {
            case .validation: return "com.amazon.coral.validate"
            case .serialization, .unknownOperation, .missingAuthenticationToken: return "com.amazon.coral.service"
            default: return "com.amazonaws.dynamodb.v20120810"
            }
        }

        var httpStatus: Int { self == .internalServerError ? 500 : 400 }
    }

    /// One entry of `CancellationReasons` in a TransactionCanceledException.
    public struct CancellationReason: Sendable, Equatable {
        public var code: String
        public var message: String?
        public var item: Item?
    }

    public var kind: Kind
    public var message: String?
    /// The existing item, for ReturnValuesOnConditionCheckFailure = ALL_OLD.
    public var item: Item?
    public var cancellationReasons: [CancellationReason]?

    public init(_ kind: Kind, _ message: String? = nil, item: Item? = nil) {
        self.kind = kind
        self.message = message
        self.item = item
    }

    static func validation(_ message: String) -> DynamoError { DynamoError(.validation, message) }
    static func invalidParameter(_ message: String) -> DynamoError {
        DynamoError(.validation, "One or more parameter values were invalid: \(message)")
    }
    static func serialization(_ message: String? = nil) -> DynamoError { DynamoError(.serialization, message) }
    static func tableNotFound() -> DynamoError { DynamoError(.resourceNotFound, "Requested resource not found") }
    static let conditionFailed = DynamoError(.conditionalCheckFailed, "The conditional request failed")

    /// The JSON error body: `__type`, `message` (or `Message` for transactions), plus extras.
    public func body() -> JSON {
        var members: [String: JSON] = ["__type": .string("\(kind.namespace)#\(kind.rawValue)")]
        if let message {
            members[kind == .transactionCanceled ? "Message" : "message"] = .string(message)
        }
        if let item { members["Item"] = AttributeValue.encode(item: item) }
        if let reasons = cancellationReasons {
            members["CancellationReasons"] = .array(
                reasons.map { reason in
                    var entry: [String: JSON] = ["Code": .string(reason.code)]
                    if let message = reason.message { entry["Message"] = .string(message) }
                    if let item = reason.item { entry["Item"] = AttributeValue.encode(item: item) }
                    return .object(entry)
                })
        }
        return .object(members)
    }

    public var httpStatus: Int { kind.httpStatus }
}
