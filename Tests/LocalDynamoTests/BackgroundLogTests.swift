import Foundation
import Logging
import Testing

@testable import LocalDynamo

/// Collects log lines for assertions.
private final class CapturedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

private struct CapturingHandler: LogHandler {
    let captured: CapturedLines
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let details = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        captured.append(([event.level.rawValue, event.message.description] + details).joined(separator: " "))
    }
}

@Suite struct BackgroundLogTests {
    @Test func failuresAreLoggedOncePerStateChange() {
        let captured = CapturedLines()
        var log = FailureLog(
            logger: Logger(label: "test") { _ in CapturingHandler(captured: captured) }, activity: "TTL sweep")
        log.succeeded()
        let disk = DynamoError(.internalServerError, "table jobs: storage failure: disk I/O error")
        log.failed(disk)
        log.failed(disk)
        log.failed(disk)
        log.succeeded()
        log.succeeded()
        log.failed(disk)
        #expect(
            captured.all == [
                "error TTL sweep failing error=table jobs: storage failure: disk I/O error",
                "info TTL sweep recovered previous_error=table jobs: storage failure: disk I/O error",
                "error TTL sweep failing error=table jobs: storage failure: disk I/O error",
            ])
    }

    @Test func asyncEntryPointsServeThroughTheIOPool() async throws {
        let engine = try DynamoEngine(dataDirectory: nil)
        let created = await engine.handleGrouped(
            operation: "CreateTable",
            body: Array(
                #"{"TableName":"jobs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}"#
                    .utf8))
        #expect(created.status == 200)
        let responses = await withTaskGroup(of: Int.self) { group in
            for index in 0..<32 {
                group.addTask {
                    await engine.handleGrouped(
                        operation: "PutItem",
                        body: Array(#"{"TableName":"jobs","Item":{"pk":{"S":"k\#(index)"}}}"#.utf8)
                    ).status
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(responses == Array(repeating: 200, count: 32))
        #expect(try await engine.sweepInBackground(limit: 10) == 0)
        try await engine.checkpointInBackground()
    }
}
