import CurlHTTP
import Foundation
import Logging
import Testing

@testable import LambdaRuntime
@testable import LambdaRuntimeEmulator

/// The libcurl client and loop against the emulator's Runtime API server, in one process.
@Suite struct ClientAgainstServerTests {
    static func invocation(_ id: String, payload: String, clientContext: String? = nil) -> RuntimeInvocation {
        RuntimeInvocation(
            requestID: id, invocationID: "inv-\(id)",
            deadlineMilliseconds: LambdaClock().now.advanced(by: .seconds(30)).millisecondsSinceEpoch,
            functionARN: "arn:aws:lambda:us-east-1:123456789012:function:f", traceID: "Root=1-00000000-abc",
            clientContext: clientContext, cognitoIdentity: #"{"cognitoIdentityId":"id-1"}"#, tenantID: "tenant",
            payload: Array(payload.utf8))
    }

    static func withServer(_ body: (RuntimeSession, CurlRuntimeAPIClient) async throws -> Void) async throws {
        let session = RuntimeSession()
        let server = try await RuntimeAPIServer.start(session: session, logger: Logger(label: "test"))
        let client = try CurlRuntimeAPIClient(address: server.address, configuration: HTTPClientConfiguration())
        try await body(session, client)
        session.terminate(.timedOut)
        server.stop()
    }

    @Test func loopServesInvocationsWithEveryHeader() async throws {
        try await Self.withServer { session, client in
            let seen = ContextBox()
            let handler = ClosureByteHandler { event, context in
                seen.set(context)
                if event == Array("fail".utf8) { throw LambdaFunctionError.marshal("nope") }
                return LambdaResponse(body: event.reversed(), contentType: "text/plain")
            }
            let loop = RuntimeLoop(
                client: client, handler: handler, logger: Logger(label: "t"), exportTraceID: { _ in })
            let serving = Task { try await loop.run() }

            let first = Self.invocation("r1", payload: "abc", clientContext: #"{"custom":{}}"#)
            let ok = await session.deliver(first)
            #expect(ok == .response(body: Array("cba".utf8), contentType: "text/plain"))
            let context = try #require(seen.value)
            #expect(context.requestID == "r1")
            #expect(context.traceID == "Root=1-00000000-abc")
            #expect(context.clientContext == #"{"custom":{}}"#)
            #expect(try context.decodedCognitoIdentity?.cognitoIdentityId == "id-1")
            #expect(context.tenantID == "tenant")
            // The deadline is the header's instant, whatever time a loaded machine took to get here.
            #expect(context.deadline.millisecondsSinceEpoch == first.deadlineMilliseconds)
            #expect(context.remainingTime <= .seconds(30))

            let failed = await session.deliver(Self.invocation("r2", payload: "fail"))
            guard case .functionError(let body) = failed else {
                Issue.record("expected a function error, got \(failed)")
                return
            }
            let document = try JSONDecoder().decode(LambdaErrorBody.self, from: Data(body))
            #expect(document.errorType == "Runtime.MarshalError")
            serving.cancel()
        }
    }

    @Test func nextWaitsAsLongAsItTakes() async throws {
        try await Self.withServer { session, client in
            let next = Task { try await client.next() }
            try await Task.sleep(for: .milliseconds(300))
            let outcome = Task { await session.deliver(Self.invocation("late", payload: "{}")) }
            let invocation = try await next.value
            #expect(invocation.metadata.requestID == "late")
            #expect(invocation.metadata.invocationID == "inv-late")
            try await client.sendResponse(LambdaResponse(body: Array("1".utf8)), for: invocation.metadata)
            #expect(await outcome.value == .response(body: Array("1".utf8), contentType: "application/json"))
        }
    }

    @Test func serverRefusalsReachTheClientAsTypedErrors() async throws {
        try await Self.withServer { session, client in
            let outcome = Task { await session.deliver(Self.invocation("big", payload: "{}")) }
            let invocation = try await client.next()
            var stale = invocation.metadata
            stale.requestID = "someone-else"
            await #expect(throws: LambdaRuntimeError.self) {
                try await client.sendResponse(LambdaResponse(body: []), for: stale)
            }
            do {
                try await client.sendResponse(
                    LambdaResponse(body: [UInt8](repeating: 32, count: 6_400_000)), for: invocation.metadata)
                Issue.record("an oversized response was accepted")
            } catch let LambdaRuntimeError.unexpectedStatus(_, status, body) {
                #expect(status == 413)
                #expect(body.contains("RequestEntityTooLarge"))
            }
            #expect(await outcome.value == .responseTooLarge(bytes: 6_400_000))
        }
    }

    @Test func initErrorIsPostedBeforeAnyNext() async throws {
        try await Self.withServer { session, client in
            let outcome = Task { await session.deliver(Self.invocation("i", payload: "{}")) }
            try await client.sendInitError(LambdaErrorBody(errorType: "Config", errorMessage: "missing"))
            guard case .initError(let body) = await outcome.value else {
                Issue.record("expected an init error")
                return
            }
            #expect(try JSONDecoder().decode(LambdaErrorBody.self, from: Data(body)).errorMessage == "missing")
        }
    }
}

/// Holds the last context a handler saw.
final class ContextBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: LambdaContext?
    func set(_ value: LambdaContext) {
        lock.lock()
        stored = value
        lock.unlock()
    }
    var value: LambdaContext? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
