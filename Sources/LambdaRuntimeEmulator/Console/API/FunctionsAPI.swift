import Foundation
import Hummingbird

/// `/_console/api/functions`: each function's configuration (secrets masked), environments and sample events;
/// `/_console/api/samples`: one sample event; `/_console/api/functions/{name}/invoke`: the Invoke form.
struct FunctionsAPI {
    let sources: ConsoleSources
    let io: SerialIOThread

    struct Variable: Encodable {
        var name: String
        var value: String
        var masked: Bool
        /// `function` (its own configuration) or `emulator` (endpoints and credentials `serve` adds).
        var source: String
    }

    struct FunctionView: Encodable {
        var name: String
        var arn: String
        var runtime: String
        var handler: String
        var memoryMB: Int
        var timeoutSeconds: Double
        var reservedConcurrency: Int
        var queueLimit: Int
        var codeDirectory: String
        var functionURL: Bool
        var maximumRetryAttempts: Int
        var maximumEventAgeSeconds: Int
        var environment: [Variable]
        var environments: [EnvironmentSnapshot]
        var samples: [String]
    }

    struct FunctionList: Encodable {
        var functions: [FunctionView]
        /// Sample events that belong to no function.
        var otherSamples: [String]
    }

    func register(_ routes: ConsoleRoutes) {
        routes.get("/_console/api/functions") { _, _ in ConsoleResponses.json(try await list()) }
        routes.get("/_console/api/samples") { request, _ in
            guard let name = request.query("name") else { throw ConsoleError.badRequest("name is required") }
            return ConsoleResponses.raw(try await sample(name))
        }
        routes.post("/_console/api/functions/:name/invoke") { request, context in
            let name = Request.parameter(context, "name")
            let type = request.query("type") ?? "RequestResponse"
            let payload = try await request.bodyBytes(limit: InvokeOperation.synchronousLimit)
            return try await ConsoleInvoke(emulator: sources.emulator, history: sources.history).invoke(
                name, type: type, payload: payload)
        }
    }

    func list() async throws -> FunctionList {
        let names = try await sampleNames()
        let shared = sources.emulator.sharedEnvironmentVariables
        var views: [FunctionView] = []
        var claimed = Set<String>()
        for function in sources.emulator.functions.values.sorted(by: { $0.name < $1.name }) {
            let samples = names.filter {
                SampleEventCatalog.belongs($0, to: function.name, gatewayFunction: sources.gatewayFunction)
            }
            claimed.formUnion(samples)
            let config = await sources.emulator.eventInvokeConfigs.effective(for: function.name)
            views.append(
                FunctionView(
                    name: function.name, arn: function.arn, runtime: function.runtime, handler: function.handler,
                    memoryMB: function.memorySizeMB, timeoutSeconds: function.timeout.milliseconds / 1000,
                    reservedConcurrency: function.reservedConcurrency, queueLimit: function.queueLimit,
                    codeDirectory: function.codeDirectory.path, functionURL: function.name == sources.gatewayFunction,
                    maximumRetryAttempts: config.retryAttempts, maximumEventAgeSeconds: config.eventAgeSeconds,
                    environment: Self.variables(own: function.environment, shared: shared),
                    environments: await sources.emulator.pool(named: function.name)?.snapshots() ?? [],
                    samples: samples))
        }
        return FunctionList(functions: views, otherSamples: names.filter { !claimed.contains($0) })
    }

    /// The function's own variables, then those `serve` adds that it does not set itself; secrets masked.
    static func variables(own: [String: String], shared: [String: String]) -> [Variable] {
        let mine = own.sorted { $0.key < $1.key }.map {
            Variable(
                name: $0.key, value: SecretMasking.shown(name: $0.key, value: $0.value),
                masked: SecretMasking.isSecret($0.key) && !$0.value.isEmpty, source: "function")
        }
        let added = shared.filter { own[$0.key] == nil }.sorted { $0.key < $1.key }.map {
            Variable(
                name: $0.key, value: SecretMasking.shown(name: $0.key, value: $0.value),
                masked: SecretMasking.isSecret($0.key) && !$0.value.isEmpty, source: "emulator")
        }
        return mine + added
    }

    private func sampleNames() async throws -> [String] {
        guard let directory = sources.eventsDirectory else { return [] }
        return try await io.run {
            // A project without an events folder simply has no samples.
            guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
            return try SampleEventCatalog(directory: directory).names()
        }
    }

    private func sample(_ name: String) async throws -> [UInt8] {
        guard let directory = sources.eventsDirectory else { throw ConsoleError.notFound("no events folder") }
        let data = try await io.run { try SampleEventCatalog(directory: directory).contents(of: name) }
        guard let data else { throw ConsoleError.notFound("no sample event named '\(name)'") }
        return Array(data)
    }
}
