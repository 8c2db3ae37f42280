import Foundation
import LocalDynamo
import LocalS3
import Logging

/// LocalDynamo and LocalS3 started beside the emulator, and the variables that point functions at them.
public struct LocalServices: Sendable {
    public let dynamoPort: Int
    public let s3Port: Int
    public let credentials: S3Credentials
    public let s3Service: S3Service
    /// LocalDynamo's engine, for the console and the stream pollers to read in-process.
    public let dynamoEngine: DynamoEngine
    /// Where LocalS3 records bucket events for the emulator's functions (only when `serve` delivers them).
    public let notificationOutbox: NotificationOutbox?
    private let task: Task<Void, Never>

    /// Opens both stores under `dataDirectory` (`dynamo/`, `s3/`), creates the template's tables and buckets and
    /// returns once both listen; bucket events are recorded only for `notifyingFunctions`, when given.
    public static func start(
        host: String, dynamoPort: Int, s3Port: Int, dataDirectory: URL, template: SAMTemplate? = nil,
        logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment,
        notifyingFunctions: [String: FunctionConfiguration]? = nil
    ) async throws -> LocalServices {
        let credentials = LocalEndpoints.credentials(environment: environment)
        let dynamo = try LocalDynamoService(
            .init(host: host, port: dynamoPort, dataDirectory: dataDirectory.appendingPathComponent("dynamo").path))
        let store = try FileStore(dataDirectory: dataDirectory.appendingPathComponent("s3").path)
        // The template's tables and buckets exist before any function runs, as after a deployment.
        if let template {
            _ = try TemplateProvisioner.provision(
                tables: template.tables, buckets: template.buckets, engine: dynamo.engine, store: store)
        }
        var quieter = logger
        quieter.logLevel = .warning
        let quiet = quieter
        var s3Service = S3Service(store: store, credentials: credentials, logger: quiet)
        // Bucket events are recorded only when they will be delivered: under `serve`, to its functions.
        let outbox = try notifyingFunctions.map { functions in
            let outbox = try NotificationOutbox(store: store)
            let names = Set(functions.keys)
            s3Service.notificationDelivery = NotificationDelivery(outbox: outbox) { arn in
                EventInvokeConfig.destinationFunction(arn).map(names.contains) ?? false
            }
            return outbox
        }
        let s3 = S3HTTPServer(service: s3Service, host: host, port: s3Port)
        let (ready, announce) = AsyncStream<(String, Int)>.makeStream()
        let task = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await dynamo.run(logger: quiet, handlesSignals: false) { announce.yield(("dynamo", $0)) }
                    } catch let error where !Task.isCancelled {
                        logger.error("LocalDynamo stopped", metadata: ["error": "\(error)"])
                    } catch {
                        // Cancelled by `stop()`: the shutdown the user asked for, not a failure.
                    }
                    announce.finish()
                }
                group.addTask {
                    do {
                        try await s3.run { announce.yield(("s3", $0)) }
                    } catch let error where !Task.isCancelled {
                        logger.error("LocalS3 stopped", metadata: ["error": "\(error)"])
                    } catch {
                        // Cancelled by `stop()`: the shutdown the user asked for, not a failure.
                    }
                    announce.finish()
                }
            }
        }
        var bound: [String: Int] = [:]
        for await (name, port) in ready {
            bound[name] = port
            if bound.count == 2 { break }
        }
        guard let dynamoBound = bound["dynamo"], let s3Bound = bound["s3"] else {
            task.cancel()
            await task.value
            throw LocalStackError.localServicesNotStarted
        }
        return LocalServices(
            dynamoPort: dynamoBound, s3Port: s3Bound, credentials: credentials, s3Service: s3Service,
            dynamoEngine: dynamo.engine, notificationOutbox: outbox, task: task)
    }

    /// What every hosted function gets: endpoints of the local services and credentials they accept.
    public func functionEnvironment(invokePort: Int) -> [String: String] {
        LocalEndpoints.functionEnvironment(
            dynamoPort: dynamoPort, s3Port: s3Port, invokePort: invokePort, credentials: credentials)
    }

    /// Stops both servers and returns once they have closed.
    public func stop() async {
        task.cancel()
        await task.value
    }
}
