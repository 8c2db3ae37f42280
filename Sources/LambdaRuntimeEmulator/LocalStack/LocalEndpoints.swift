import BuildingBlocks
import LocalS3

/// The variables that point a function at local services, and the credentials those services accept:
/// the one wiring `serve` and `invoke` share.
public enum LocalEndpoints {
    /// The endpoint variables a function reads (`AWSConfiguration.fromEnvironment`).
    public static let endpointVariables = [
        "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_LAMBDA",
    ]

    /// The emulator's own `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, else LocalS3's defaults.
    public static func credentials(environment: [String: String]) -> S3Credentials {
        let variables = EnvironmentVariables(environment)
        return S3Credentials(
            accessKey: variables.text("AWS_ACCESS_KEY_ID") ?? S3Credentials.defaultAccessKey,
            secretKey: variables.text("AWS_SECRET_ACCESS_KEY") ?? S3Credentials.defaultSecretKey)
    }

    /// Endpoints on 127.0.0.1 for the services that run (a nil port is left out) and the credentials.
    public static func functionEnvironment(
        dynamoPort: Int?, s3Port: Int?, invokePort: Int?, credentials: S3Credentials
    ) -> [String: String] {
        var variables = [
            "AWS_ACCESS_KEY_ID": credentials.accessKey,
            "AWS_SECRET_ACCESS_KEY": credentials.secretKey,
        ]
        let ports = zip(endpointVariables, [dynamoPort, s3Port, invokePort])
        for case (let name, let port?) in ports { variables[name] = "http://127.0.0.1:\(port)" }
        return variables
    }

    /// `variables` without the endpoints the user set in the emulator's environment: an explicit
    /// `AWS_ENDPOINT_URL_<SERVICE>` wins for its service, `AWS_ENDPOINT_URL` for every service (a blank one is
    /// unset, as the functions read it).
    public static func respectingExplicitEndpoints(
        _ variables: [String: String], environment: [String: String]
    ) -> [String: String] {
        let explicit = EnvironmentVariables(environment)
        return variables.filter { name, _ in
            guard endpointVariables.contains(name) else { return true }
            return explicit.text(anyOf: name, "AWS_ENDPOINT_URL") == nil
        }
    }
}
