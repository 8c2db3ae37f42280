import Foundation
import Testing

@testable import LambdaRuntimeEmulator

/// Starting an environment before its first event (`invoke --wait-for-debugger`): the process that a debugger
/// attaches to is the one that serves the event.
@Suite struct StartAheadTests {
    @Test func theStartedProcessServesTheFirstEventAsItsColdStart() async throws {
        let environment = ExecutionEnvironment(function: try Fixtures.function(), logger: Fixtures.logger)
        let pid = try #require(try await environment.startAhead())
        #expect(await environment.isRunning)
        #expect(try await environment.startAhead() == pid)
        let result = await environment.invoke(Fixtures.request(#""attached""#))
        #expect(result.text == #""attached""#)
        #expect(await environment.processID == pid)
        #expect(result.logText.hasPrefix("START RequestId: \(result.requestID)"))
        #expect(result.logText.contains("Init Duration: "))
        await environment.shutdown()
    }

    @Test func aFailedInitIsNilAndTheInvokeAnswersIt() async throws {
        let environment = ExecutionEnvironment(
            function: try Fixtures.function(environment: ["ECHO_INIT_FAIL": "no config"]), logger: Fixtures.logger)
        #expect(try await environment.startAhead() == nil)
        let result = await environment.invoke(Fixtures.request("{}"))
        #expect(result.errorType == "EchoFailure")
        #expect(result.text.contains("no config"))
        await environment.shutdown()
    }

    @Test func withoutTimeoutEnforcementASlowInvocationFinishesButKeepsItsDeadline() async throws {
        let function = try Fixtures.function(timeout: .milliseconds(300))
        let environment = ExecutionEnvironment(function: function, logger: Fixtures.logger, enforcesTimeout: false)
        let slow = await environment.invoke(Fixtures.request(#"{"action":"sleep","milliseconds":700}"#))
        #expect(!slow.isFunctionError, "\(slow.text)")
        let context = await environment.invoke(Fixtures.request(#"{"action":"context"}"#))
        let fields = try JSONDecoder().decode([String: String].self, from: Data(context.payload))
        #expect((Int(fields["remaining"] ?? "") ?? 0) <= 300)
        await environment.shutdown()
    }

    @Test func thePoolStartsAheadInTheEnvironmentItThenUses() async throws {
        let pool = FunctionPool(
            function: try Fixtures.function(concurrency: 3), sink: RecordingSink(), logger: Fixtures.logger)
        let pid = try #require(try await pool.startAhead())
        #expect(await pool.environments == 1)
        let result = try await pool.invoke(Fixtures.request(#"{"action":"context"}"#))
        let fields = try JSONDecoder().decode([String: String].self, from: Data(result.payload))
        #expect(fields["pid"] == String(pid))
        #expect(await pool.environments == 1)
        await pool.shutdown()
    }
}
