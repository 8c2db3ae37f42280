import Foundation
import Testing

@testable import LambdaRuntimeEmulator

/// Measures what recording one invocation costs, in-process, for bench/console.py; runs only when
/// CONSOLE_BENCH_OUT names a file. A warm invoke through the Invoke API costs hundreds of microseconds of CPU,
/// so this figure says how much of it the history takes without the noise of a loaded machine.
@Suite struct ConsoleRecordingBenchmark {
    static let output = ProcessInfo.processInfo.environment["CONSOLE_BENCH_OUT"]

    /// An invocation as the echo bootstrap answers one: a small event and answer, START/END/REPORT lines.
    static func invocation() -> (InvocationRequest, InvocationResult) {
        let id = UUID().uuidString.lowercased()
        let function = FunctionConfiguration(name: "swift", codeDirectory: URL(fileURLWithPath: "/tmp"))
        let log = [
            "START RequestId: \(id) Version: $LATEST", "END RequestId: \(id)",
            "REPORT RequestId: \(id)\tDuration: 0.21 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 9 MB\t",
        ].joined(separator: "\n")
        var result = InvocationResult(
            requestID: id, outcome: .response(body: Array(#"{"n":1}"#.utf8), contentType: "application/json"),
            function: function, log: Array((log + "\n").utf8))
        result.report = InvocationReport(
            duration: .microseconds(210), memorySizeMB: 128, maxMemoryUsedMB: 9, coldStart: false)
        return (InvocationRequest(requestID: id, payload: Array(#"{"n":1}"#.utf8)), result)
    }

    /// Nanoseconds per started and ended pair on a full ring, best of five passes.
    static func nanosecondsPerInvocation(_ history: InvocationHistory, count: Int) -> Double {
        let (request, result) = invocation()
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<5 {
            let elapsed = clock.measure {
                for _ in 0..<count {
                    history.invocationEnded(history.invocationStarted(request, function: "swift"), result: result)
                }
            }
            best = min(best, elapsed.milliseconds * 1e6 / Double(count))
        }
        return best
    }

    @Test(.enabled(if: output != nil)) func measureRecording() throws {
        let count = 200_000
        let recording = Self.nanosecondsPerInvocation(InvocationHistory(capacity: 1000), count: count)
        let watched = InvocationHistory(capacity: 1000)
        let signals = watched.changeSignals()  // a live stream's listener, signalled on every change
        let streaming = Self.nanosecondsPerInvocation(watched, count: count)
        withExtendedLifetime(signals) {}
        let figures = ["recordingNanoseconds": recording, "streamingNanoseconds": streaming, "count": Double(count)]
        let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: try #require(Self.output)))
    }
}
