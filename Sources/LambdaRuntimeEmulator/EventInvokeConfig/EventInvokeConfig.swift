import Foundation

/// A function's asynchronous invocation settings: retries, event age and destinations, as Lambda's
/// `FunctionEventInvokeConfig` (absent fields take Lambda's defaults).
public struct EventInvokeConfig: Sendable, Equatable {
    public static let retryAttemptsRange = 0...2
    public static let eventAgeRange = 60...21600
    public static let defaultRetryAttempts = 2
    public static let defaultEventAgeSeconds = 21600

    public var maximumRetryAttempts: Int?
    public var maximumEventAgeInSeconds: Int?
    /// Destination ARN for successful invocations.
    public var onSuccess: String?
    /// Destination ARN for events that failed every attempt or expired.
    public var onFailure: String?
    public var lastModified: Date

    public init(
        maximumRetryAttempts: Int? = nil, maximumEventAgeInSeconds: Int? = nil, onSuccess: String? = nil,
        onFailure: String? = nil, lastModified: Date = Date()
    ) {
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
        self.onSuccess = onSuccess
        self.onFailure = onFailure
        self.lastModified = lastModified
    }

    /// Retries after the first attempt.
    public var retryAttempts: Int { maximumRetryAttempts ?? Self.defaultRetryAttempts }

    /// Seconds an event may wait before it is given up.
    public var eventAgeSeconds: Int { maximumEventAgeInSeconds ?? Self.defaultEventAgeSeconds }

    /// The function named by a Lambda destination ARN (`arn:aws:lambda:…:function:NAME[:QUALIFIER]`), nil for
    /// any other service.
    public static func destinationFunction(_ arn: String) -> String? {
        guard arn.hasPrefix("arn:") else { return nil }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 7, parts[2] == "lambda", parts[5] == "function", !parts[6].isEmpty else { return nil }
        return String(parts[6])
    }
}
