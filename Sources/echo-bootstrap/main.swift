import Foundation
import LambdaRuntime

/// A test bootstrap: echoes its event, or acts on `{"action": …}` to exercise every lifecycle case.
struct Command: Decodable {
    var action: String
    var milliseconds: Int?
    var bytes: Int?
    var line: String?
}

/// Raised at init when `ECHO_INIT_FAIL` is set, and by the `fail` action.
struct EchoFailure: Error, CustomStringConvertible {
    var description: String
}

let environment = ProcessInfo.processInfo.environment
let actionKey = Array(#""action""#.utf8)
await Lambda.run {
    if let reason = environment["ECHO_INIT_FAIL"] { throw EchoFailure(description: reason) }
    return ClosureByteHandler { event, context in
        // An event that is not a command is the thing to echo; one without an "action" key cannot be a command,
        // so it skips the decoder.
        guard event.firstRange(of: actionKey) != nil,
            let command = try? JSONDecoder().decode(Command.self, from: Data(event))
        else {
            return LambdaResponse(body: event)
        }
        switch command.action {
        case "fail":
            throw EchoFailure(description: command.line ?? "requested failure")
        case "sleep":
            try await Task.sleep(for: .milliseconds(command.milliseconds ?? 0))
            return LambdaResponse(body: Array(#""slept""#.utf8))
        case "wait":
            // Holds the invocation until the file `line` names exists (a test's gate), at most `milliseconds`.
            let deadline = ContinuousClock.now + .milliseconds(command.milliseconds ?? 30_000)
            while !FileManager.default.fileExists(atPath: command.line ?? ""), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(2))
            }
            return LambdaResponse(body: Array(#""waited""#.utf8))
        case "crash":
            exit(Int32(command.bytes ?? 3))
        case "big":
            return LambdaResponse(body: [UInt8](repeating: UInt8(ascii: "a"), count: command.bytes ?? 0))
        case "print":
            FileHandle.standardOutput.write(Data(((command.line ?? "") + "\n").utf8))
            return LambdaResponse(body: Array(#""printed""#.utf8))
        case "context":
            let fields: [String: String] = [
                "requestID": context.requestID, "arn": context.invokedFunctionARN,
                "deadline": String(context.deadline.millisecondsSinceEpoch),
                "remaining": String(context.remainingTime.wholeMilliseconds),
                "traceID": context.traceID ?? "",
                "traceEnv": ProcessInfo.processInfo.environment["_X_AMZN_TRACE_ID"] ?? "",
                "clientContext": context.clientContext ?? "", "pid": String(getpid()),
                "cwd": FileManager.default.currentDirectoryPath,
                "taskRoot": ProcessInfo.processInfo.environment["LAMBDA_TASK_ROOT"] ?? "",
            ]
            return LambdaResponse(body: Array(try JSONEncoder().encode(fields)))
        default:
            return LambdaResponse(body: event)
        }
    }
}
