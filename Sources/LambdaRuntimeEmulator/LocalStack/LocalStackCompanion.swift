import Logging

/// A server the stack runs beside its own for the functions to call (`serve`'s fixture job boards).
public protocol LocalStackCompanion: Sendable {
    /// Its key in the ports line and the console's list of ports.
    var name: String { get }

    /// Starts listening on `host`; nil when it was skipped (it says why in the log).
    func start(host: String, logger: Logger) async throws -> StartedCompanion?
}

/// A companion once it listens.
public struct StartedCompanion: Sendable {
    public let port: Int
    /// Variables every hosted function gets to find it.
    public let functionEnvironment: [String: String]
    /// Closes it.
    public let stop: @Sendable () async -> Void

    public init(port: Int, functionEnvironment: [String: String], stop: @escaping @Sendable () async -> Void) {
        self.port = port
        self.functionEnvironment = functionEnvironment
        self.stop = stop
    }
}
