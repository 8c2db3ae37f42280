import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The API's settings, read from the environment variables of the shared contract.
public struct APIConfiguration: Sendable, Equatable {
    public var tableName: String
    public var documentsBucket: String
    public var workerFunctionName: String
    /// Origins allowed to call the API from a browser; empty means same origin only.
    public var allowedOrigins: [String]
    public var rateLimitRequests: Int
    public var rateLimitWindowSeconds: Int
    public var jobDeadlineSeconds: Int
    public var jobTTLSeconds: Int
    /// How long a download link stays valid.
    public var downloadLinkSeconds: Int

    public init(
        tableName: String = "jobsai-jobs", documentsBucket: String = "jobsai-documents",
        workerFunctionName: String = "WorkerFunction", allowedOrigins: [String] = [], rateLimitRequests: Int = 5,
        rateLimitWindowSeconds: Int = 3600, jobDeadlineSeconds: Int = 900, jobTTLSeconds: Int = 86_400,
        downloadLinkSeconds: Int = 3600
    ) {
        self.tableName = tableName
        self.documentsBucket = documentsBucket
        self.workerFunctionName = workerFunctionName
        self.allowedOrigins = allowedOrigins
        self.rateLimitRequests = rateLimitRequests
        self.rateLimitWindowSeconds = rateLimitWindowSeconds
        self.jobDeadlineSeconds = jobDeadlineSeconds
        self.jobTTLSeconds = jobTTLSeconds
        self.downloadLinkSeconds = downloadLinkSeconds
    }

    /// Why a setting could not be used.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var variable: String
        public var value: String
        public var description: String { "\(variable) must be a positive whole number, got \"\(value)\"" }
    }

    /// Reads the contract's variables; unset or empty ones keep their defaults.
    public static func fromEnvironment(_ environment: [String: String]) throws(Problem) -> APIConfiguration {
        let variables = EnvironmentVariables(environment)
        func text(_ name: String) -> String? { variables.text(name) }
        func number(_ name: String, _ fallback: Int) throws(Problem) -> Int {
            guard let value = text(name) else { return fallback }
            guard let number = Int(value), number > 0 else { throw Problem(variable: name, value: value) }
            return number
        }
        let defaults = APIConfiguration()
        return APIConfiguration(
            tableName: text("DYNAMODB_TABLE_NAME") ?? defaults.tableName,
            documentsBucket: text("S3_DOCUMENTS_BUCKET") ?? defaults.documentsBucket,
            workerFunctionName: text("WORKER_LAMBDA_FUNCTION_NAME") ?? defaults.workerFunctionName,
            allowedOrigins: variables.list("ALLOWED_ORIGINS"),
            rateLimitRequests: try number("RATE_LIMIT_REQUESTS", defaults.rateLimitRequests),
            rateLimitWindowSeconds: try number("RATE_LIMIT_WINDOW_SECONDS", defaults.rateLimitWindowSeconds),
            jobDeadlineSeconds: try number("JOB_DEADLINE_SECONDS", defaults.jobDeadlineSeconds),
            jobTTLSeconds: try number("JOB_TTL_SECONDS", defaults.jobTTLSeconds))
    }
}
