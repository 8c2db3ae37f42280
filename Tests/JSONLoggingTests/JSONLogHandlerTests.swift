import Foundation
import Logging
import Testing

@testable import JSONLogging

/// Collects lines written by the handler under test.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.withLock { stored } }
    func append(_ line: String) { lock.withLock { stored.append(line) } }
}

@Suite struct JSONLogHandlerTests {
    let fixedDate = Date(timeIntervalSince1970: 1_700_000_000.25)

    func makeLogger(_ collector: LineCollector, level: Logger.Level = .info) -> Logger {
        let date = fixedDate
        return Logger(label: "test") { label in
            JSONLogHandler(label: label, level: level, sink: collector.append, now: { date })
        }
    }

    func decode(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func writesOneJSONObjectPerLineWithMetadata() throws {
        let collector = LineCollector()
        var logger = makeLogger(collector)
        logger[metadataKey: "requestId"] = "abc-123"
        logger.info("handled \"quoted\"\nnewline", metadata: ["status": "200", "tags": ["a", "b"]])
        #expect(collector.lines.count == 1)
        let line = try #require(collector.lines.first)
        #expect(!line.contains("\n"))
        let object = try decode(line)
        #expect(object["message"] as? String == "handled \"quoted\"\nnewline")
        #expect(object["requestId"] as? String == "abc-123")
        #expect(object["status"] as? String == "200")
        #expect(object["tags"] as? [String] == ["a", "b"])
        #expect(object["level"] as? String == "info")
        #expect(object["logger"] as? String == "test")
        #expect(object["time"] as? String == "2023-11-14T22:13:20.250Z")
    }

    @Test func dropsMessagesBelowTheLevel() {
        let collector = LineCollector()
        let logger = makeLogger(collector, level: .warning)
        logger.info("hidden")
        logger.debug("hidden")
        logger.warning("shown")
        #expect(collector.lines.count == 1)
    }

    @Test func metadataCannotOverwriteReservedFields() throws {
        let collector = LineCollector()
        let logger = makeLogger(collector)
        logger.error("real", metadata: ["message": "spoofed", "level": "debug"])
        let object = try decode(try #require(collector.lines.first))
        #expect(object["message"] as? String == "real")
        #expect(object["level"] as? String == "error")
        #expect((object["source"] as? String)?.contains("JSONLogHandlerTests.swift") == true)
    }
}
