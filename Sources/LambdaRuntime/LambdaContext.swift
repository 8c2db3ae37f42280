import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a handler knows about the invocation it is serving.
public struct LambdaContext: Sendable {
    public let requestID: String
    /// When Lambda stops the invocation, on the clock of the `Lambda-Runtime-Deadline-Ms` header.
    public let deadline: LambdaClock.Instant
    public let invokedFunctionARN: String
    public let traceID: String?
    /// The invoker's client context as JSON (`{"client":…,"custom":…,"env":…}`), if one was sent.
    public let clientContext: String?
    /// The Cognito identity as JSON (`{"cognitoIdentityId":…,"cognitoIdentityPoolId":…}`), if any.
    public let cognitoIdentity: String?
    public let tenantID: String?
    /// A logger whose metadata carries `aws-request-id`.
    public let logger: Logger
    private let clock: LambdaClock

    public init(metadata: InvocationMetadata, logger: Logger, clock: LambdaClock = LambdaClock()) {
        self.requestID = metadata.requestID
        self.deadline = metadata.deadline
        self.invokedFunctionARN = metadata.invokedFunctionARN
        self.traceID = metadata.traceID
        self.clientContext = metadata.clientContext
        self.cognitoIdentity = metadata.cognitoIdentity
        self.tenantID = metadata.tenantID
        var logger = logger
        logger[metadataKey: "aws-request-id"] = .string(metadata.requestID)
        self.logger = logger
        self.clock = clock
    }

    /// Time left before the deadline (negative once it has passed).
    public var remainingTime: Duration { clock.now.duration(to: deadline) }

    /// The client context decoded; nil when the invoker sent none, the decoding error when it is not in the
    /// documented shape (the raw header stays in `clientContext`).
    public var decodedClientContext: LambdaClientContext? {
        get throws {
            guard let clientContext else { return nil }
            return try JSONDecoder().decode(LambdaClientContext.self, from: Data(clientContext.utf8))
        }
    }

    /// The Cognito identity decoded; nil when absent, the decoding error when it is not in the documented shape.
    public var decodedCognitoIdentity: LambdaCognitoIdentity? {
        get throws {
            guard let cognitoIdentity else { return nil }
            return try JSONDecoder().decode(LambdaCognitoIdentity.self, from: Data(cognitoIdentity.utf8))
        }
    }
}

/// The mobile-SDK client context an invoker may attach (`X-Amz-Client-Context`).
public struct LambdaClientContext: Codable, Sendable, Equatable {
    public var client: [String: String]?
    public var custom: [String: String]?
    public var env: [String: String]?
}

/// The Cognito identity of the caller, when invoked through the mobile SDKs.
public struct LambdaCognitoIdentity: Codable, Sendable, Equatable {
    public var cognitoIdentityId: String?
    public var cognitoIdentityPoolId: String?
}
