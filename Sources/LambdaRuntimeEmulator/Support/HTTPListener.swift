import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Runs a Hummingbird application in a task and reports the bound port once it listens.
enum HTTPListener {
    /// Why a listener did not start.
    enum StartError: Error, CustomStringConvertible {
        case notListening(String)
        var description: String {
            switch self {
            case .notListening(let reason): return "listener did not start: \(reason)"
            }
        }
    }

    static func start<Result, Context: InitializableFromSource<ApplicationRequestContextSource>>(
        router: Router<Context>, server: HTTPServerBuilder = .http1(), host: String, port: Int, logger: Logger,
        quietestLevel: Logger.Level = .warning, make: @escaping @Sendable (Int, Task<Void, Never>) -> Result
    ) async throws -> Result {
        // Every environment has a listener: their start and stop lines would drown the function logs.
        var quiet = ShutdownNoiseFilter.wrapping(logger)
        quiet.logLevel = max(quietestLevel, logger.logLevel)
        let (stream, continuation) = AsyncStream<Swift.Result<Int, any Error>>.makeStream()
        let app = Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(.success(channel.localAddress?.port ?? 0))
            },
            logger: quiet)
        let task = Task {
            do {
                try await app.run()
                continuation.yield(.failure(StartError.notListening("server stopped")))
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await outcome in stream {
            switch outcome {
            case .success(let bound): return make(bound, task)
            case .failure(let error):
                task.cancel()
                throw error
            }
        }
        throw StartError.notListening("no port reported")
    }
}
