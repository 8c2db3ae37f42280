import Foundation
import Logging
import Testing

@testable import LambdaRuntimeEmulator

/// Shared test fixtures: the echo bootstrap laid out as a function, and a log sink that records lines.
enum Fixtures {
    /// The debug build's `echo-bootstrap`, built by `swift build --build-tests`.
    static var echoBootstrap: URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/echo-bootstrap")
    }

    /// A temporary code directory whose `bootstrap` is the echo bootstrap (or a given script).
    static func codeDirectory(script: String? = nil) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bootstrap = directory.appendingPathComponent("bootstrap")
        if let script {
            try script.write(to: bootstrap, atomically: true, encoding: .utf8)
            chmod(bootstrap.path, 0o755)
        } else {
            try FileManager.default.createSymbolicLink(at: bootstrap, withDestinationURL: echoBootstrap)
        }
        return directory
    }

    static func function(
        name: String = "echo", timeout: Duration = .seconds(5), concurrency: Int = 2, queueLimit: Int = 100,
        environment: [String: String] = [:], script: String? = nil
    ) throws -> FunctionConfiguration {
        FunctionConfiguration(
            name: name, codeDirectory: try codeDirectory(script: script), timeout: timeout,
            reservedConcurrency: concurrency, queueLimit: queueLimit, environment: environment)
    }

    /// Polls `condition` until it holds; a condition still false after `timeout` fails the test instead of
    /// spinning forever (a yield loop with no deadline starves the other tests on a 2-core machine).
    static func eventually(
        timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("condition still false after \(timeout)", sourceLocation: sourceLocation)
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    /// A file whose creation releases every echo-bootstrap invocation that waits on it (`"action":"wait"`).
    struct Gate {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gate-\(UUID().uuidString)").path

        /// The event that holds an invocation until the gate opens.
        var waitEvent: String { #"{"action":"wait","line":"\#(path)"}"# }

        func open() {
            guard FileManager.default.createFile(atPath: path, contents: Data()) else {
                Issue.record("could not create the gate file \(path)")
                return
            }
        }
    }

    static let logger = Logger(label: "test")

    static func request(_ json: String) -> InvocationRequest {
        InvocationRequest(requestID: UUID().uuidString.lowercased(), payload: Array(json.utf8))
    }
}

/// Records every line a function printed.
final class RecordingSink: FunctionLogSink, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func write(function: String, line: String) {
        lock.lock()
        recorded.append("[\(function)] \(line)")
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

extension InvocationResult {
    var text: String { String(decoding: payload, as: UTF8.self) }
    var logText: String { String(decoding: log, as: UTF8.self) }
}
