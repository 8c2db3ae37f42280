import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct InvokeAPITests {
    static func emulator(_ functions: [FunctionConfiguration]) throws -> LambdaEmulator {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emu-\(UUID().uuidString)")
        return try LambdaEmulator(
            functions: functions,
            options: .init(dataDirectory: directory, retryDelays: [.milliseconds(10), .milliseconds(10)]),
            sink: RecordingSink(), logger: Fixtures.logger)
    }

    static func withInvokeAPI(
        _ emulator: LambdaEmulator, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        // Live: Invoke is answered from the channel pipeline, which the router-only test mode has not.
        let app = Application(
            router: InvokeAPIServer.router(emulator), server: InvokeAPIServer.server(emulator),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await test(client) }
        await emulator.shutdown()
    }

    static func path(_ name: String) -> String { "/2015-03-31/functions/\(name)/invocations" }

    @Test func requestResponseSuccessAndFunctionError() async throws {
        let emulator = try Self.emulator([try Fixtures.function()])
        try await Self.withInvokeAPI(emulator) { client in
            let ok = try await client.execute(
                uri: Self.path("echo"), method: .post, body: ByteBuffer(string: #"{"a":1}"#))
            #expect(ok.status == .ok)
            #expect(String(buffer: ok.body) == #"{"a":1}"#)
            #expect(ok.headers[HTTPField.Name("X-Amz-Executed-Version")!] == "$LATEST")
            #expect(ok.headers[HTTPField.Name("X-Amz-Function-Error")!] == nil)
            #expect(ok.headers[HTTPField.Name("X-Amzn-RequestId")!] != nil)

            let failed = try await client.execute(
                uri: Self.path("arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aecho"), method: .post,
                headers: [HTTPField.Name("X-Amz-Log-Type")!: "Tail"],
                body: ByteBuffer(string: #"{"action":"fail","line":"bad"}"#))
            #expect(failed.status == .ok)
            #expect(failed.headers[HTTPField.Name("X-Amz-Function-Error")!] == "Unhandled")
            #expect(String(buffer: failed.body).contains(#""errorType":"EchoFailure""#))
            let tail = failed.headers[HTTPField.Name("X-Amz-Log-Result")!] ?? ""
            let log = String(decoding: Data(base64Encoded: tail) ?? Data(), as: UTF8.self)
            #expect(log.contains("START RequestId:"))
            #expect(log.contains("REPORT RequestId:"))
        }
    }

    @Test func eventDryRunAndErrors() async throws {
        let emulator = try Self.emulator([try Fixtures.function()])
        try await Self.withInvokeAPI(emulator) { client in
            let event = try await client.execute(
                uri: Self.path("echo"), method: .post, headers: [HTTPField.Name("X-Amz-Invocation-Type")!: "Event"],
                body: ByteBuffer(string: "{}"))
            #expect(event.status == .accepted)
            let dryRun = try await client.execute(
                uri: Self.path("echo:$LATEST"), method: .post,
                headers: [HTTPField.Name("X-Amz-Invocation-Type")!: "DryRun"])
            #expect(dryRun.status == .noContent)

            let missing = try await client.execute(
                uri: Self.path("nope"), method: .post, body: ByteBuffer(string: "{}"))
            #expect(missing.status == .notFound)
            #expect(missing.headers[HTTPField.Name("X-Amzn-ErrorType")!] == "ResourceNotFoundException")
            #expect(String(buffer: missing.body).contains("Function not found"))

            let notJSON = try await client.execute(
                uri: Self.path("echo"), method: .post, body: ByteBuffer(string: "not json"))
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.headers[HTTPField.Name("X-Amzn-ErrorType")!] == "InvalidRequestContentException")

            let tooBigAsync = try await client.execute(
                uri: Self.path("echo"), method: .post, headers: [HTTPField.Name("X-Amz-Invocation-Type")!: "Event"],
                body: ByteBuffer(string: "\"" + String(repeating: "a", count: 1_100_000) + "\""))
            #expect(tooBigAsync.status == .contentTooLarge)
            #expect(tooBigAsync.headers[HTTPField.Name("X-Amzn-ErrorType")!] == "RequestTooLargeException")

            let badType = try await client.execute(
                uri: Self.path("echo"), method: .post, headers: [HTTPField.Name("X-Amz-Invocation-Type")!: "Later"])
            #expect(badType.status == .badRequest)
            await emulator.queue.waitUntilIdle()
            #expect(try await emulator.store.pendingCount() == 0)
        }
    }

    @Test func clientContextReachesTheHandler() async throws {
        let emulator = try Self.emulator([try Fixtures.function()])
        try await Self.withInvokeAPI(emulator) { client in
            let context = Data(#"{"custom":{"k":"v"}}"#.utf8).base64EncodedString()
            let response = try await client.execute(
                uri: Self.path("echo"), method: .post, headers: [HTTPField.Name("X-Amz-Client-Context")!: context],
                body: ByteBuffer(string: #"{"action":"context"}"#))
            let fields = try JSONDecoder().decode([String: String].self, from: Data(response.body.readableBytesView))
            #expect(fields["clientContext"] == #"{"custom":{"k":"v"}}"#)

            let invalid = try await client.execute(
                uri: Self.path("echo"), method: .post, headers: [HTTPField.Name("X-Amz-Client-Context")!: "%%%"],
                body: ByteBuffer(string: "{}"))
            #expect(invalid.status == .badRequest)
        }
    }

    @Test func invokeTargetsAreReadFromThePathAndQuery() {
        #expect(InvokeAPIHandler.invokeTarget(Self.path("echo"))! == ("echo", nil))
        let arn = InvokeAPIHandler.invokeTarget(
            Self.path("arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aecho") + "?Qualifier=%24LATEST&x=1")
        #expect(arn! == ("arn:aws:lambda:us-east-1:123456789012:function:echo", "$LATEST"))
        #expect(InvokeAPIHandler.invokeTarget(Self.path("echo") + "?Other=1")! == ("echo", nil))
        #expect(InvokeAPIHandler.invokeTarget(Self.path("")) == nil)
        #expect(InvokeAPIHandler.invokeTarget(Self.path("a/b")) == nil)
        #expect(InvokeAPIHandler.invokeTarget(Self.path("echo") + "/") == nil)
        #expect(InvokeAPIHandler.invokeTarget("/2015-03-31/functions/echo/configuration") == nil)
    }

    @Test func fullQueueIsTooManyRequests() async throws {
        let emulator = try Self.emulator([try Fixtures.function(concurrency: 1, queueLimit: 0)])
        let pool = try emulator.resolve("echo", qualifier: nil)
        try await Self.withInvokeAPI(emulator) { client in
            let slow = Task {
                try await client.execute(
                    uri: Self.path("echo"), method: .post,
                    body: ByteBuffer(string: #"{"action":"sleep","milliseconds":1000}"#))
            }
            try await Fixtures.eventually { await pool.environments != 0 }
            // A second connection: one connection's requests are answered in order, the second after the first.
            let second = TestClient(host: "127.0.0.1", port: try #require(client.port))
            second.connect()
            let refused = try await second.execute(
                .init(Self.path("echo"), method: .post, authority: "localhost", body: ByteBuffer(string: "{}")))
            try await second.shutdown()
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[HTTPField.Name("X-Amzn-ErrorType")!] == "TooManyRequestsException")
            let refusal = String(buffer: refused.body ?? ByteBuffer())
            #expect(refusal.contains("ReservedFunctionConcurrentInvocationLimitExceeded"))
            #expect(try await slow.value.status == .ok)
        }
    }
}
