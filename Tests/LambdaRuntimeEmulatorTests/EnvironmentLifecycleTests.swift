import Foundation
import Testing

@testable import LambdaRuntimeEmulator

/// Runtimes that exit between invocations, during init, or in a loop; the bootstraps are shell scripts
/// speaking the Runtime API with curl, so each exit happens at an exact point of the protocol.
@Suite struct EnvironmentLifecycleTests {
    /// Takes one invocation, answers it with its own pid, then (after `pause`) runs `after`.
    static func answerOnce(pause: String = "0", after: String = "exit 0") -> String {
        """
        #!/bin/sh
        API="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
        ID=$(curl -s -D - -o /dev/null "$API/invocation/next" | tr -d '\\r' \
            | awk 'tolower($1) == "lambda-runtime-aws-request-id:" { print $2 }')
        curl -s -o /dev/null -X POST -d "\\"$$\\"" "$API/invocation/$ID/response"
        sleep \(pause)
        \(after)
        """
    }

    @Test func aRuntimeThatExitsRightAfterAnsweringIsReplacedForTheNextInvocation() async throws {
        // The process lives on for a moment after its answer, so the next invocation is delivered to it
        // while it is still running, and must move to a fresh process when it exits without taking it.
        let function = try Fixtures.function(script: Self.answerOnce(pause: "0.3"))
        let environment = ExecutionEnvironment(function: function, logger: Fixtures.logger)
        let first = await environment.invoke(Fixtures.request("{}"))
        #expect(!first.isFunctionError, "\(first.text)")
        let second = await environment.invoke(Fixtures.request("{}"))
        #expect(!second.isFunctionError, "\(second.text)")
        #expect(first.text != second.text)
        #expect(second.logText.contains("Init Duration"))
        await environment.shutdown()
    }

    @Test func aRuntimeThatExitsWhileIdleIsReplaced() async throws {
        let function = try Fixtures.function(script: Self.answerOnce(after: "exit 2"))
        let environment = ExecutionEnvironment(function: function, logger: Fixtures.logger)
        let first = await environment.invoke(Fixtures.request("{}"))
        #expect(!first.isFunctionError)
        try await Fixtures.eventually { await !environment.isRunning }
        let second = await environment.invoke(Fixtures.request("{}"))
        #expect(!second.isFunctionError, "\(second.text)")
        await environment.shutdown()
    }

    @Test func anExitDuringInitFailsOnlyThatInvocation() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        // The first start dies before its first /next; later starts answer.
        let script = """
            #!/bin/sh
            if [ ! -e \(marker.path) ]; then touch \(marker.path); exit 4; fi
            \(Self.answerOnce(pause: "0").split(separator: "\n").dropFirst().joined(separator: "\n"))
            """
        let environment = ExecutionEnvironment(function: try Fixtures.function(script: script), logger: Fixtures.logger)
        let failed = await environment.invoke(Fixtures.request("{}"))
        #expect(failed.errorType == "Runtime.ExitError")
        #expect(failed.text.contains("RequestId: \(failed.requestID) Error: Runtime exited with error: exit status 4"))
        let next = await environment.invoke(Fixtures.request("{}"))
        #expect(!next.isFunctionError, "\(next.text)")
        await environment.shutdown()
    }

    @Test func aCrashLoopBacksOffWithAClearErrorInsteadOfRespawning() async throws {
        let starts = FileManager.default.temporaryDirectory.appendingPathComponent("starts-\(UUID().uuidString)")
        let script = "#!/bin/sh\necho started >> \(starts.path)\nexit 1\n"
        let environment = ExecutionEnvironment(
            function: try Fixtures.function(script: script), logger: Fixtures.logger,
            crashLoop: CrashLoopBackOff(threshold: 3, initial: .seconds(60)))
        for _ in 0..<3 {
            let result = await environment.invoke(Fixtures.request("{}"))
            #expect(result.text.contains("exit status 1"))
        }
        let refused = await environment.invoke(Fixtures.request("{}"))
        #expect(refused.errorType == "Runtime.ExitError")
        #expect(refused.text.contains("Runtime failed to start 3 times in a row (last: exit status 1)"))
        #expect(refused.text.contains("next start attempt in"))
        let lines = try String(contentsOf: starts, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        await environment.shutdown()
    }

    @Test func reportedInitErrorsAreAnsweredEveryTimeWithoutBackOff() async throws {
        let environment = ExecutionEnvironment(
            function: try Fixtures.function(environment: ["ECHO_INIT_FAIL": "no config"]), logger: Fixtures.logger,
            crashLoop: CrashLoopBackOff(threshold: 2, initial: .seconds(60)))
        for _ in 0..<4 {
            let result = await environment.invoke(Fixtures.request("{}"))
            #expect(result.errorType == "EchoFailure")
        }
        await environment.shutdown()
    }

    @Test func aRuntimeThatExitsWithStatusZeroGivesNoReason() async throws {
        let script = """
            #!/bin/sh
            API="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
            curl -s -o /dev/null "$API/invocation/next"
            exit 0
            """
        let environment = ExecutionEnvironment(function: try Fixtures.function(script: script), logger: Fixtures.logger)
        let result = await environment.invoke(Fixtures.request("{}"))
        #expect(result.errorType == "Runtime.ExitError")
        #expect(result.text.contains("Error: Runtime exited without providing a reason"))
        await environment.shutdown()
    }

    @Test func shutdownKillsARuntimeThatIgnoresSIGTERMAfterTheGracePeriod() async throws {
        let script = "#!/bin/sh\ntrap '' TERM\nwhile true; do sleep 0.05; done\n"
        let environment = ExecutionEnvironment(
            function: try Fixtures.function(script: script), logger: Fixtures.logger,
            killGracePeriod: .milliseconds(300), initTimeout: .seconds(30))
        let invocation = Task { await environment.invoke(Fixtures.request("{}")) }
        try await Fixtures.eventually { await environment.processID != nil }
        let pid = try #require(await environment.processID)
        let started = ContinuousClock.now
        await environment.shutdown()
        let waited = started.duration(to: .now)
        #expect(waited >= .milliseconds(300))
        // SIGKILL has been sent; the waiter thread reaps the process right after.
        var gone = false
        for _ in 0..<500 where !gone {
            gone = kill(pid, 0) != 0
            if !gone { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(gone)
        #expect(await invocation.value.errorType == "Runtime.ExitError")
    }
}
