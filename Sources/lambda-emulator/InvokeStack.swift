import Foundation
import LambdaRuntimeEmulator
import Logging

/// The services one `invoke` gives its function, as `serve` would: a running `serve`'s stack when one
/// listens on the data directory, else LocalDynamo, LocalS3 and an Invoke API started for the call.
struct InvokeStack {
    /// How the stack was found, printed on standard error in one line.
    let description: String
    /// Endpoints and credentials for the function (an explicit endpoint in the environment is left to win).
    let functionEnvironment: [String: String]
    private let services: LocalServices?
    private let invokeServer: InvokeAPIServer?

    /// A running `serve` of the data directory, or the template's tables and buckets in-process.
    static func prepare(
        dataDirectory: URL, localServices: Bool, template: SAMTemplate?, emulator: LambdaEmulator, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> InvokeStack {
        let credentials = LocalEndpoints.credentials(environment: environment)
        func endpoints(_ variables: [String: String]) -> [String: String] {
            LocalEndpoints.respectingExplicitEndpoints(variables, environment: environment)
        }
        guard localServices else {
            return InvokeStack(
                description:
                    "invoke: no local services (--no-local-services); endpoints and credentials from the environment",
                functionEnvironment: [:], services: nil, invokeServer: nil)
        }
        if let state = ServeState.running(in: dataDirectory) {
            let ports = [("LocalDynamo", state.dynamo), ("LocalS3", state.s3), ("Invoke API", state.invoke)]
                .compactMap { name, port in port.map { "\(name) :\($0)" } }
            return InvokeStack(
                description:
                    "invoke: using the running serve (pid \(state.pid), \(dataDirectory.path)): \(ports.joined(separator: ", "))",
                functionEnvironment: endpoints(
                    LocalEndpoints.functionEnvironment(
                        dynamoPort: state.dynamo, s3Port: state.s3, invokePort: state.invoke, credentials: credentials)),
                services: nil, invokeServer: nil)
        }
        // An Invoke API for the functions' own calls (the API starting the worker): its events run while the
        // call lasts.
        let server = try await InvokeAPIServer.start(emulator: emulator, port: 0, logger: logger)
        let services: LocalServices
        do {
            services = try await LocalServices.start(
                host: "127.0.0.1", dynamoPort: 0, s3Port: 0, dataDirectory: dataDirectory, template: template,
                logger: logger, environment: environment)
        } catch {
            server.stop()
            throw error
        }
        return InvokeStack(
            description:
                "invoke: no serve running on \(dataDirectory.path); started LocalDynamo :\(services.dynamoPort), "
                + "LocalS3 :\(services.s3Port) and Invoke API :\(server.port) in-process for this call",
            functionEnvironment: endpoints(services.functionEnvironment(invokePort: server.port)),
            services: services, invokeServer: server)
    }

    /// Stops what this call started; a running `serve` is left alone.
    func stop() async {
        invokeServer?.stop()
        await services?.stop()
    }
}
