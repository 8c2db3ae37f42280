import Foundation
import Logging
import ServiceLifecycle

/// `serve`'s whole stack in one process: the emulator (Invoke API, async queue, triggers), LocalDynamo and
/// LocalS3, the Function URL gateway, the console and any companions, started from a
/// `LocalStackConfiguration` and run as one `ServiceGroup`. Its parts are group services in start order, so
/// the group's graceful shutdown closes them in reverse: listeners first, then the bucket event delivery and
/// the stream pollers, the emulator (the queue stops dispatching, runtimes get SIGTERM and SIGKILL after 2 s),
/// then LocalDynamo and LocalS3 and the companions.
public final class LocalStack: Sendable {
    /// Where every server listens.
    public let ports: LocalStackPorts
    /// The emulator hosting the functions.
    public let emulator: LambdaEmulator
    /// LocalDynamo and LocalS3, when they run.
    public let localServices: LocalServices?
    private let parts: [StackPart]
    private let unpacked: PackagedFunctions?
    private let logger: Logger

    init(
        ports: LocalStackPorts, emulator: LambdaEmulator, localServices: LocalServices?, parts: [StackPart],
        unpacked: PackagedFunctions?, logger: Logger
    ) {
        self.ports = ports
        self.emulator = emulator
        self.localServices = localServices
        self.parts = parts
        self.unpacked = unpacked
        self.logger = logger
    }

    /// Starts every part and returns once all of them listen; a part that fails to start stops those started
    /// before it. Nothing stops until `run(until:)` is told to.
    public static func start(_ configuration: LocalStackConfiguration, logger: Logger) async throws -> LocalStack {
        try await LocalStackStarter(configuration: configuration, logger: logger).start()
    }

    /// Runs the stack's `ServiceGroup` until `shutdown` reports SIGINT or SIGTERM (logged as `shutting down`),
    /// then stops every part in reverse start order and logs `stopped` with the events left in the queue for the
    /// next start.
    public func run(until shutdown: ShutdownSignal) async throws {
        try await run(stoppingWhen: { await shutdown.wait().map(ShutdownSignal.name) })
    }

    /// Runs the stack until `stopRequested` returns why it should stop (logged as the `signal` of
    /// `shutting down`; nil: cancelled), then stops it the same way.
    public func run(stoppingWhen stopRequested: @escaping @Sendable () async -> String?) async throws {
        defer { unpacked?.remove() }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: parts.map { .init(service: $0, serviceName: $0.description) }, logger: logger))
        let logger = self.logger
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                if let reason = await stopRequested() {
                    logger.info("shutting down", metadata: ["signal": "\(reason)"])
                }
                await group.triggerGracefulShutdown()
            }
            defer { tasks.cancelAll() }
            try await group.run()
        }
        do {
            let queued = try await emulator.store.pendingCount()
            logger.info("stopped", metadata: ["queuedEvents": "\(queued)"])
        } catch {
            logger.info("stopped", metadata: ["queuedEvents": "unknown: \(error)"])
        }
    }
}
