import Foundation
import Logging
import Synchronization

/// Proves a package starts on its own: its `bootstrap` is run from the package folder with only the variables
/// Lambda sets (no PATH, locale, time zone or library path from this machine) and given one probe event.
public enum PackageStartCheck {
    /// Runs `directory/bootstrap` once; throws `PackagingError.doesNotStart` unless the handler answered (a
    /// function error counts as an answer: the probe is not a real event, but the runtime reached its handler).
    public static func verify(function name: String, directory: URL, logger: Logger) async throws {
        let configuration = FunctionConfiguration(
            name: name, codeDirectory: directory, timeout: .seconds(20),
            environment: [
                // Placeholders where Lambda puts the role's credentials: the functions refuse to start without.
                "AWS_ACCESS_KEY_ID": "AKIDPACKAGECHECK", "AWS_SECRET_ACCESS_KEY": "package-check",
                "AWS_SESSION_TOKEN": "package-check",
            ])
        let sink = CollectingLogSink()
        let environment = ExecutionEnvironment(
            function: configuration, sink: sink, logger: logger, initTimeout: .seconds(20), inheritedEnvironment: [:])
        let result = await environment.invoke(
            InvocationRequest(requestID: "package-start-check", payload: Array(#"{"packageStartCheck":true}"#.utf8)))
        await environment.shutdown()
        switch result.outcome {
        case .response:
            return
        case .functionError(let body):
            let document = String(decoding: body, as: UTF8.self)
            // Runtime.UnmarshalError is the runtime refusing the probe for its handler's event type: it ran.
            guard document.contains(#""errorType":"Runtime."#),
                !document.contains(#""errorType":"Runtime.UnmarshalError""#)
            else { return }
            throw PackagingError.doesNotStart(function: name, reason: document, log: sink.lines)
        case .initError(let body):
            throw PackagingError.doesNotStart(
                function: name, reason: "init failed: \(String(decoding: body, as: UTF8.self))", log: sink.lines)
        case .runtimeExited(let exit):
            throw PackagingError.doesNotStart(function: name, reason: "the runtime ended: \(exit)", log: sink.lines)
        case .responseTooLarge(let bytes):
            throw PackagingError.doesNotStart(
                function: name, reason: "the probe's answer was too large (\(bytes) bytes)", log: sink.lines)
        case .timedOut:
            throw PackagingError.doesNotStart(
                function: name, reason: "no answer within 20 s", log: sink.lines)
        }
    }
}

/// Keeps a function's output lines for an error message.
final class CollectingLogSink: FunctionLogSink, Sendable {
    private let collected = Mutex<[String]>([])

    func write(function: String, line: String) { collected.withLock { $0.append(line) } }

    var lines: [String] { collected.withLock { $0 } }
}
