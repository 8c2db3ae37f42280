import Foundation
import LocalS3
import Logging

/// Starts a `LocalStack`'s parts in dependency order (the emulator, the Invoke API, LocalDynamo and LocalS3, the
/// companions, the site, the gateway, the console, the queue, the triggers); when one fails, those already
/// started stop again, newest first.
struct LocalStackStarter {
    let configuration: LocalStackConfiguration
    let logger: Logger

    func start() async throws -> LocalStack {
        if let gateway = configuration.gateway,
            !configuration.functions.contains(where: { $0.name == gateway.function })
        {
            throw LocalStackError.unknownGatewayFunction(gateway.function)
        }
        let unpacked = try configuration.packaged ? PackagedFunctions.unpack(configuration.functions) : nil
        // The parts started so far, newest last.
        var started: [StackPart] = []
        do {
            return try await startParts(
                functions: unpacked?.functions ?? configuration.functions, unpacked: unpacked, started: &started)
        } catch {
            for part in started.reversed() { await part.stop() }
            unpacked?.remove()
            throw error
        }
    }

    private func startParts(
        functions: [FunctionConfiguration], unpacked: PackagedFunctions?, started: inout [StackPart]
    ) async throws -> LocalStack {
        let history = configuration.console.map { InvocationHistory(capacity: $0.historyCapacity) }
        let emulator = try LambdaEmulator(
            functions: functions,
            options: .init(
                dataDirectory: configuration.dataDirectory, retryDelays: configuration.retryDelays,
                idleTimeout: configuration.idleTimeout), observer: history, logger: logger)
        let emulatorPart = StackPart("emulator") { await emulator.shutdown() }
        started.append(emulatorPart)
        let invokeAPI = try await InvokeAPIServer.start(
            emulator: emulator, host: configuration.host, port: configuration.invokePort, logger: logger)
        let invokePart = StackPart("Invoke API") { invokeAPI.stop() }
        started.append(invokePart)
        let services = try await startLocalServices(emulator: emulator)
        let servicesPart = services.map { services in StackPart("LocalDynamo and LocalS3") { await services.stop() } }
        if let servicesPart { started.append(servicesPart) }
        var companions: [(name: String, running: StartedCompanion)] = []
        var companionParts: [StackPart] = []
        for companion in configuration.companions {
            guard let running = try await companion.start(host: configuration.host, logger: logger) else { continue }
            companions.append((companion.name, running))
            let part = StackPart(companion.name, stop: running.stop)
            companionParts.append(part)
            started.append(part)
        }
        emulator.setSharedEnvironment(
            companions.reduce(services?.functionEnvironment(invokePort: invokeAPI.port) ?? [:]) {
                $0.merging($1.running.functionEnvironment) { $1 }
            })
        var site: SiteHosting?
        if let services, let directory = configuration.siteDirectory {
            site = try await publishSite(directory, service: services.s3Service)
        }
        let gateway = try await startGateway(emulator: emulator, site: site)
        let gatewayPart = gateway.map { gateway in StackPart("Function URL gateway") { gateway.stop() } }
        if let gatewayPart { started.append(gatewayPart) }
        var ports = LocalStackPorts(
            invoke: invokeAPI.port, dynamo: services?.dynamoPort, s3: services?.s3Port,
            companions: companions.map { ($0.name, $0.running.port) }, gateway: gateway?.port)
        let console = try await startConsole(history: history, emulator: emulator, services: services, ports: ports)
        ports.console = console?.port
        let consolePart = console.map { console in StackPart("console") { console.stop() } }
        if let consolePart { started.append(consolePart) }
        try await emulator.start()
        var eventSourcesPart: StackPart?
        if let services {
            let sources = try await EventSources.start(
                emulator: emulator, template: configuration.template, engine: services.dynamoEngine,
                outbox: services.notificationOutbox, logger: logger)
            eventSourcesPart = StackPart("event sources") { await sources.stop() }
        }
        // The group stops its services in reverse order: listeners, triggers, the emulator, then what the
        // functions may still call while their runtimes stop.
        let groupOrder: [StackPart?] =
            companionParts + [servicesPart, emulatorPart, eventSourcesPart, invokePart, gatewayPart, consolePart]
        return LocalStack(
            ports: ports, emulator: emulator, localServices: services, parts: groupOrder.compactMap { $0 },
            unpacked: unpacked, logger: logger)
    }

    private func startLocalServices(emulator: LambdaEmulator) async throws -> LocalServices? {
        guard let ports = configuration.localServices else { return nil }
        return try await LocalServices.start(
            host: configuration.host, dynamoPort: ports.dynamo, s3Port: ports.s3,
            dataDirectory: configuration.dataDirectory, template: configuration.template, logger: logger,
            environment: configuration.environment, notifyingFunctions: emulator.functions)
    }

    /// The gateway, serving the published site outside `/api` when there is one.
    private func startGateway(emulator: LambdaEmulator, site: SiteHosting?) async throws -> FunctionURLGateway? {
        guard let gateway = configuration.gateway else { return nil }
        let template = configuration.template
        return try await FunctionURLGateway.start(
            emulator: emulator, function: gateway.function, cors: template?.functionURLCors[gateway.function],
            site: site,
            invokeMode: gateway.invokeMode ?? template?.functionURLInvokeModes[gateway.function] ?? .buffered,
            host: configuration.host, port: gateway.port, logger: logger)
    }

    /// Publishes the site directory into LocalS3's website bucket (the template's, else the default one).
    private func publishSite(_ directory: URL, service: S3Service) async throws -> SiteHosting {
        let bucket = configuration.template?.websiteBucket?.name ?? SitePublisher.defaultBucket
        let summary = try await SitePublisher.publish(directory: directory, bucket: bucket, store: service.store)
        logger.info(
            "site published",
            metadata: [
                "directory": "\(directory.relativePath)", "bucket": "\(bucket)", "files": "\(summary.uploaded.count)",
            ])
        return SiteHosting(service: service, bucket: bucket)
    }

    /// The console; nil when it is off, or its default port is busy (warned).
    private func startConsole(
        history: InvocationHistory?, emulator: LambdaEmulator, services: LocalServices?, ports: LocalStackPorts
    ) async throws -> ConsoleServer? {
        guard let settings = configuration.console, let history else { return nil }
        let sources = ConsoleSources(
            emulator: emulator, history: history, dynamo: services?.dynamoEngine, s3: services?.s3Service,
            s3Port: services?.s3Port, eventsDirectory: settings.eventsDirectory,
            staticDirectory: settings.staticDirectory, gatewayFunction: configuration.gateway?.function,
            ports: Dictionary(ports.entries.map { ($0.name, $0.port) }) { $1 })
        if settings.staticDirectory == nil {
            logger.warning("console page not found; only its API answers", metadata: ["hint": "pass --console-dir"])
        }
        do {
            return try await ConsoleServer.start(
                sources: sources, host: configuration.host,
                port: settings.port ?? LocalStackConfiguration.Console.defaultPort, logger: logger)
        } catch  where settings.port == nil {
            logger.warning(
                "console port 3003 is busy; no console (pass --console-port)", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
