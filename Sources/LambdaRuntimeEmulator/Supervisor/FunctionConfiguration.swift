import Foundation
import LambdaRuntime

/// Everything the emulator needs to host one function.
public struct FunctionConfiguration: Sendable, Equatable {
    public var name: String
    /// The unpacked code: holds `bootstrap`, becomes `LAMBDA_TASK_ROOT` and the working directory.
    public var codeDirectory: URL
    public var handler: String
    /// The template's `Runtime` (a custom runtime: the emulator runs `bootstrap` either way).
    public var runtime = "provided.al2023"
    public var timeout: Duration
    public var memorySizeMB: Int
    /// `ReservedConcurrentExecutions`: the most environments run at once.
    public var reservedConcurrency: Int
    /// Invocations that may wait for a free environment before callers get `TooManyRequestsException`.
    public var queueLimit: Int
    /// The function's own variables (the template's `Environment.Variables`).
    public var environment: [String: String]
    public var region: String
    public var accountID: String
    /// The template's `EventInvokeConfig`, if it declares one.
    public var eventInvokeConfig: EventInvokeConfig?

    public init(
        name: String, codeDirectory: URL, handler: String = "bootstrap", timeout: Duration = .seconds(3),
        memorySizeMB: Int = 128, reservedConcurrency: Int = 10, queueLimit: Int = 1000,
        environment: [String: String] = [:], region: String = "us-east-1", accountID: String = "123456789012"
    ) {
        self.name = name
        self.codeDirectory = codeDirectory
        self.handler = handler
        self.timeout = timeout
        self.memorySizeMB = memorySizeMB
        self.reservedConcurrency = reservedConcurrency
        self.queueLimit = queueLimit
        self.environment = environment
        self.region = region
        self.accountID = accountID
    }

    /// `arn:aws:lambda:{region}:{account}:function:{name}`.
    public var arn: String { "arn:aws:lambda:\(region):\(accountID):function:\(name)" }

    /// Timeout in seconds as the `Task timed out after N.NN seconds` message prints it.
    var timeoutSecondsText: String {
        let milliseconds = timeout.wholeMilliseconds
        let hundredths = (milliseconds % 1000) / 10
        return "\(milliseconds / 1000).\(hundredths < 10 ? "0" : "")\(hundredths)"
    }
}

extension Duration {
    /// The duration in fractional milliseconds.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
