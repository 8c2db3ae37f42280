import Foundation
import Logging

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
