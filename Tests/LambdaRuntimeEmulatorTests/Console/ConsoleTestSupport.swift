import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LocalDynamo
import LocalS3
import NIOCore

@testable import LambdaRuntimeEmulator

/// A console router over a real emulator (echo functions), an in-memory LocalDynamo and a LocalS3 in a temporary
/// folder, tested without a socket; the bound port is 80 so the test framework's `Host: localhost` is the console's.
struct ConsoleHarness {
    let emulator: LambdaEmulator
    let history: InvocationHistory
    let dynamo: DynamoEngine
    let s3: S3Service

    static func make(functions: [FunctionConfiguration], capacity: Int = 100, staticDirectory: URL? = nil) throws
        -> (ConsoleHarness, ConsoleSources)
    {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("console-\(UUID().uuidString)")
        let history = InvocationHistory(capacity: capacity)
        let emulator = try LambdaEmulator(
            functions: functions,
            options: .init(dataDirectory: directory, retryDelays: [.milliseconds(10)]), sink: RecordingSink(),
            observer: history, logger: Fixtures.logger)
        let dynamo = try DynamoEngine(dataDirectory: nil)
        let s3 = S3Service(store: try FileStore(dataDirectory: directory.appendingPathComponent("s3").path))
        let sources = ConsoleSources(
            emulator: emulator, history: history, dynamo: dynamo, s3: s3, s3Port: 9000,
            staticDirectory: staticDirectory, ports: ["invoke": 3001])
        return (ConsoleHarness(emulator: emulator, history: history, dynamo: dynamo, s3: s3), sources)
    }

    /// Runs `test` against the console's router, then stops the emulator.
    static func run(
        functions: [FunctionConfiguration] = [], staticDirectory: URL? = nil,
        _ test: @escaping @Sendable (any TestClientProtocol, ConsoleHarness) async throws -> Void
    ) async throws {
        let (harness, sources) = try make(functions: functions, staticDirectory: staticDirectory)
        let port = BoundPort()
        port.value = 80
        let router = ConsoleServer.makeRouter(
            sources: sources, requestGuard: ConsoleRequestGuard(host: "127.0.0.1"), port: port)
        try await Application(router: router).test(.router) { client in try await test(client, harness) }
        await harness.emulator.shutdown()
    }
}

extension TestResponse {
    /// The body parsed as a JSON object (an empty one when it is not).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }
}

extension HTTPField.Name {
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
