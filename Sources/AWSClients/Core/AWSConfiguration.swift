import AWSSignature
import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The AWS services these clients talk to, with their endpoint variable and signing names.
public enum AWSService: String, Sendable, CaseIterable {
    case dynamodb
    case s3
    case lambda

    /// The suffix of the service-specific endpoint variable, as the AWS SDKs spell it.
    var endpointVariable: String { "AWS_ENDPOINT_URL_\(rawValue.uppercased())" }

    /// The name used in the SigV4 credential scope.
    var signingName: String { rawValue }
}

/// Problems found while reading configuration from the environment.
public enum AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingCredentials
    case invalidEndpoint(variable: String, value: String)

    public var description: String {
        switch self {
        case .missingCredentials:
            return "AWS credentials are not set: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are required"
        case .invalidEndpoint(let variable, let value):
            return "\(variable) is not an http(s) URL: \(value)"
        }
    }
}

/// Region, credentials and per-service endpoints, resolved the way the AWS SDKs do from the environment.
public struct AWSConfiguration: Sendable {
    public var region: String
    public var credentials: AWSCredentials
    /// Explicit endpoints per service; a service without one uses its real regional endpoint.
    public var endpoints: [AWSService: String]
    public var retryPolicy: RetryPolicy

    public init(
        region: String, credentials: AWSCredentials, endpoints: [AWSService: String] = [:],
        retryPolicy: RetryPolicy = RetryPolicy()
    ) {
        self.region = region
        self.credentials = credentials
        self.endpoints = endpoints
        self.retryPolicy = retryPolicy
    }

    /// Reads `AWS_REGION` (then `AWS_DEFAULT_REGION`, then us-east-1), `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, and `AWS_ENDPOINT_URL_<SERVICE>` falling back to
    /// `AWS_ENDPOINT_URL`.
    public static func fromEnvironment(_ environment: [String: String]) throws(AWSConfigurationError)
        -> AWSConfiguration
    {
        let value = EnvironmentVariables(environment).text
        guard let accessKey = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") else {
            throw .missingCredentials
        }
        var endpoints: [AWSService: String] = [:]
        for service in AWSService.allCases {
            let variable = value(service.endpointVariable) != nil ? service.endpointVariable : "AWS_ENDPOINT_URL"
            guard let url = value(variable) else { continue }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw .invalidEndpoint(variable: variable, value: url)
            }
            endpoints[service] = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        return AWSConfiguration(
            region: value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? "us-east-1",
            credentials: AWSCredentials(
                accessKeyID: accessKey, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN")),
            endpoints: endpoints)
    }

    /// The base URL (scheme, host, optional port; no trailing slash) for a service.
    public func endpoint(for service: AWSService) -> String {
        if let explicit = endpoints[service] { return explicit }
        switch service {
        case .s3 where region == "us-east-1": return "https://s3.amazonaws.com"
        default: return "https://\(service.rawValue).\(region).amazonaws.com"
        }
    }
}
