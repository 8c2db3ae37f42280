import Foundation
import Logging
import Synchronization
import Testing

@testable import LambdaRuntimeEmulator

@Suite("Local stack")
struct LocalStackTests {
    /// A companion that listens nowhere and records its start and stop in a shared journal.
    struct RecordingCompanion: LocalStackCompanion {
        let name: String
        let port: Int
        let journal: Journal
        var fails = false

        struct Refused: Error {}

        func start(host: String, logger: Logger) async throws -> StartedCompanion? {
            if fails { throw Refused() }
            journal.add("start \(name)")
            return StartedCompanion(port: port, functionEnvironment: ["\(name.uppercased())_PORT": "\(port)"]) {
                journal.add("stop \(name)")
            }
        }
    }

    final class Journal: Sendable {
        private let entries = Mutex<[String]>([])
        func add(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    static func configuration(
        companions: [any LocalStackCompanion] = [], localServices: LocalStackConfiguration.LocalServicePorts? = nil
    ) throws -> LocalStackConfiguration {
        LocalStackConfiguration(
            functions: [try Fixtures.function()], invokePort: 0,
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("stack-\(UUID().uuidString)"),
            localServices: localServices, console: nil, companions: companions)
    }

    @Test("the ports line lists every server that listens, in start order")
    func portsLine() {
        var ports = LocalStackPorts(invoke: 3001, companions: [])
        #expect(ports.jsonLine == #"{"invoke":3001}"#)
        ports = LocalStackPorts(
            invoke: 1, dynamo: 2, s3: 3, companions: [("boards", 4)], gateway: 5, console: 6)
        #expect(ports.jsonLine == #"{"invoke":1,"dynamo":2,"s3":3,"boards":4,"gateway":5,"console":6}"#)
    }

    @Test("companions start after the local services, give functions their variables and stop last, newest first")
    func companionsStopLast() async throws {
        let journal = Journal()
        let companions = [
            RecordingCompanion(name: "first", port: 1, journal: journal),
            RecordingCompanion(name: "second", port: 2, journal: journal),
        ]
        let stack = try await LocalStack.start(
            try Self.configuration(companions: companions, localServices: .init(dynamo: 0, s3: 0)),
            logger: Fixtures.logger)
        #expect(stack.ports.entries.map(\.name) == ["invoke", "dynamo", "s3", "first", "second"])
        #expect(stack.emulator.sharedEnvironmentVariables["SECOND_PORT"] == "2")
        #expect(stack.emulator.sharedEnvironmentVariables["AWS_ENDPOINT_URL_DYNAMODB"] != nil)
        let (requests, request) = AsyncStream<String>.makeStream()
        let running = Task { try await stack.run(stoppingWhen: { await requests.first { _ in true } }) }
        request.yield("test")
        try await running.value
        #expect(journal.all == ["start first", "start second", "stop second", "stop first"])
    }

    @Test("a part that fails to start stops the parts started before it")
    func failedStartStopsEarlierParts() async throws {
        let journal = Journal()
        let companions = [
            RecordingCompanion(name: "first", port: 1, journal: journal),
            RecordingCompanion(name: "broken", port: 2, journal: journal, fails: true),
        ]
        await #expect(throws: RecordingCompanion.Refused.self) {
            try await LocalStack.start(try Self.configuration(companions: companions), logger: Fixtures.logger)
        }
        #expect(journal.all == ["start first", "stop first"])
    }

    @Test("a busy LocalDynamo port is refused with the local services' message")
    func busyPort() async throws {
        let first = try await LocalStack.start(
            try Self.configuration(localServices: .init(dynamo: 0, s3: 0)), logger: Fixtures.logger)
        let busy = try #require(first.ports.dynamo)
        await #expect(throws: LocalStackError.localServicesNotStarted) {
            try await LocalStack.start(
                try Self.configuration(localServices: .init(dynamo: busy, s3: 0)), logger: Fixtures.logger)
        }
        let (requests, request) = AsyncStream<String>.makeStream()
        request.finish()
        try await first.run(stoppingWhen: { await requests.first { _ in true } })
    }

    @Test("a gateway for a function the stack does not host is refused")
    func unknownGatewayFunction() async throws {
        var configuration = try Self.configuration()
        configuration.gateway = .init(function: "nope", port: 0)
        await #expect(throws: LocalStackError.unknownGatewayFunction("nope")) {
            try await LocalStack.start(configuration, logger: Fixtures.logger)
        }
    }
}
