import Foundation
import Testing

@testable import LambdaRuntimeEmulator

/// Every lifecycle case of the reference table (1.4), with the Swift client in a real bootstrap process.
@Suite struct ExecutionEnvironmentTests {
    @Test func successEchoesAndLogsStartEndReport() async throws {
        let sink = RecordingSink()
        let environment = ExecutionEnvironment(function: try Fixtures.function(), sink: sink, logger: Fixtures.logger)
        let first = await environment.invoke(Fixtures.request(#"{"hello":"world"}"#))
        #expect(first.text == #"{"hello":"world"}"#)
        #expect(!first.isFunctionError)
        #expect(first.logText.hasPrefix("START RequestId: \(first.requestID) Version: $LATEST"))
        #expect(first.logText.contains("END RequestId: \(first.requestID)"))
        #expect(first.logText.contains("Init Duration: "))
        #expect(first.logText.contains("Memory Size: 128 MB\tMax Memory Used: "))
        // The echo bootstrap is a real process: its peak RSS is at least a megabyte, so never "0 MB".
        #expect(!first.logText.contains("Max Memory Used: 0 MB"))
        let pid = await environment.processID
        let second = await environment.invoke(Fixtures.request(#"{"action":"print","line":"from the handler"}"#))
        #expect(second.logText.contains("from the handler\n"))
        #expect(!second.logText.contains("Init Duration"))
        #expect(await environment.processID == pid)
        #expect(sink.lines.contains("[echo] from the handler"))
        await environment.shutdown()
    }

    @Test func contextCarriesDeadlineTraceAndTaskRoot() async throws {
        let function = try Fixtures.function()
        let environment = ExecutionEnvironment(function: function, logger: Fixtures.logger)
        var request = Fixtures.request(#"{"action":"context"}"#)
        request.clientContext = #"{"custom":{"k":"v"}}"#
        let result = await environment.invoke(request)
        let fields = try JSONDecoder().decode([String: String].self, from: Data(result.payload))
        #expect(fields["requestID"] == request.requestID)
        #expect(fields["arn"] == function.arn)
        #expect(fields["clientContext"] == #"{"custom":{"k":"v"}}"#)
        #expect(fields["traceEnv"] == fields["traceID"])
        #expect(fields["traceID"]?.hasPrefix("Root=1-") == true)
        let remaining = Int(fields["remaining"] ?? "") ?? 0
        #expect(remaining > 3_000 && remaining <= 5_000)
        #expect(fields["taskRoot"] == function.codeDirectory.path)
        #expect(fields["cwd"] == function.codeDirectory.path)
        await environment.shutdown()
    }

    @Test func handlerErrorKeepsTheProcess() async throws {
        let environment = ExecutionEnvironment(function: try Fixtures.function(), logger: Fixtures.logger)
        let failed = await environment.invoke(Fixtures.request(#"{"action":"fail","line":"it broke"}"#))
        #expect(failed.isFunctionError)
        #expect(failed.errorType == "EchoFailure")
        #expect(failed.text.contains("it broke"))
        let pid = await environment.processID
        let next = await environment.invoke(Fixtures.request("1"))
        #expect(next.text == "1")
        #expect(await environment.processID == pid)
        await environment.shutdown()
    }

    @Test func initErrorIsReportedAndInitIsRetried() async throws {
        let environment = ExecutionEnvironment(
            function: try Fixtures.function(environment: ["ECHO_INIT_FAIL": "no config"]), logger: Fixtures.logger)
        let result = await environment.invoke(Fixtures.request("{}"))
        #expect(result.isFunctionError)
        #expect(result.errorType == "EchoFailure")
        #expect(result.text.contains("no config"))
        let again = await environment.invoke(Fixtures.request("{}"))
        #expect(again.errorType == "EchoFailure")
        await environment.shutdown()
    }

    @Test func crashIsRuntimeExitErrorAndRespawns() async throws {
        let environment = ExecutionEnvironment(function: try Fixtures.function(), logger: Fixtures.logger)
        let crashed = await environment.invoke(Fixtures.request(#"{"action":"crash","bytes":7}"#))
        #expect(crashed.errorType == "Runtime.ExitError")
        #expect(
            crashed.text.contains("RequestId: \(crashed.requestID) Error: Runtime exited with error: exit status 7"))
        let next = await environment.invoke(Fixtures.request(#""back""#))
        #expect(next.text == #""back""#)
        #expect(next.logText.contains("Init Duration"))
        await environment.shutdown()
    }

    @Test func timeoutKillsAndRespawns() async throws {
        let environment = ExecutionEnvironment(
            function: try Fixtures.function(timeout: .milliseconds(300)), logger: Fixtures.logger,
            killGracePeriod: .milliseconds(200))
        let slow = await environment.invoke(Fixtures.request(#"{"action":"sleep","milliseconds":5000}"#))
        #expect(slow.errorType == "Sandbox.Timedout")
        #expect(slow.text.contains("Task timed out after 0.30 seconds"))
        #expect(slow.logText.contains("Task timed out after 0.30 seconds"))
        let next = await environment.invoke(Fixtures.request("2"))
        #expect(next.text == "2")
        await environment.shutdown()
    }

    @Test func oversizedResponseIsResponseSizeTooLarge() async throws {
        let environment = ExecutionEnvironment(function: try Fixtures.function(), logger: Fixtures.logger)
        let big = await environment.invoke(Fixtures.request(#"{"action":"big","bytes":6300000}"#))
        #expect(big.errorType == "Function.ResponseSizeTooLarge")
        #expect(big.text.contains("6300000 bytes"))
        let next = await environment.invoke(Fixtures.request("3"))
        #expect(next.text == "3")
        await environment.shutdown()
    }

    @Test func missingBootstrapIsAnInitError() async throws {
        var function = try Fixtures.function()
        function.codeDirectory = function.codeDirectory.appendingPathComponent("missing")
        let environment = ExecutionEnvironment(function: function, logger: Fixtures.logger)
        let result = await environment.invoke(Fixtures.request("{}"))
        #expect(result.errorType == "Runtime.InvalidEntrypoint")
    }

    @Test func initTimeIsNotCountedInTheFunctionTimeoutButHasItsOwnLimit() async throws {
        // The init outlasts the strict limit below by far more than a loaded machine delays a timer.
        let slowStart = "#!/bin/sh\nsleep 2\nexec \(Fixtures.echoBootstrap.path)\n"
        let function = try Fixtures.function(timeout: .milliseconds(400), script: slowStart)
        let patient = ExecutionEnvironment(function: function, logger: Fixtures.logger)
        let result = await patient.invoke(Fixtures.request(#""fine""#))
        #expect(result.text == #""fine""#)
        #expect(result.logText.contains("Init Duration: "))
        await patient.shutdown()

        let strict = ExecutionEnvironment(
            function: function, logger: Fixtures.logger, killGracePeriod: .milliseconds(100),
            initTimeout: .milliseconds(200))
        let timedOut = await strict.invoke(Fixtures.request("{}"))
        #expect(timedOut.errorType == "Sandbox.Timedout")
        await strict.shutdown()
    }

    @Test func peakMemoryIsReadFromTheStatusText() {
        let status = "Name:\tbootstrap\nVmPeak:\t  382016 kB\nVmHWM:\t   29620 kB\nVmRSS:\t   29600 kB\n"
        #expect(ChildProcess.peakKilobytes(status: Array(status.utf8)) == 29620)
        #expect(ChildProcess.peakKilobytes(status: Array("VmHWM:\t7 kB".utf8)) == 7)
        #expect(ChildProcess.peakKilobytes(status: Array("Name:\tx\nVmRSS:\t1 kB\n".utf8)) == nil)
        #expect(ChildProcess.peakKilobytes(status: Array("VmHWM:\t kB\n".utf8)) == nil)
    }

    @Test func reportDurationsHaveTwoDecimals() {
        #expect(ExecutionEnvironment.format(.microseconds(1_234_567)) == "1234.57")
        #expect(ExecutionEnvironment.format(.microseconds(5)) == "0.01")
        #expect(ExecutionEnvironment.format(.milliseconds(3)) == "3.00")
        #expect(ExecutionEnvironment.format(.microseconds(90)) == "0.09")
    }
}
