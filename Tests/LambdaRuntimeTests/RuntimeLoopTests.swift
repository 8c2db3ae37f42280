import Foundation
import Logging
import Testing

@testable import LambdaRuntime

/// A Runtime API client that replays invocations and records what the loop sent back.
actor ScriptedClient: RuntimeAPIClient {
    enum Sent: Equatable {
        case response(String, LambdaResponse)
        case error(String, LambdaErrorBody)
        case initError(LambdaErrorBody)
    }

    private var invocations: [Invocation]
    private(set) var sent: [Sent] = []

    init(_ invocations: [Invocation]) {
        self.invocations = invocations
    }

    func next() async throws -> Invocation {
        guard !invocations.isEmpty else { throw LambdaRuntimeError.transport("no more invocations") }
        return invocations.removeFirst()
    }

    func sendResponse(_ response: LambdaResponse, for metadata: InvocationMetadata) async throws {
        sent.append(.response(metadata.requestID, response))
    }

    func sendError(_ error: LambdaErrorBody, for metadata: InvocationMetadata) async throws {
        sent.append(.error(metadata.requestID, error))
    }

    func sendInitError(_ error: LambdaErrorBody) async throws {
        sent.append(.initError(error))
    }
}

struct Greeting: Codable, Sendable, Equatable {
    var name: String
}

struct BrokenHandler: Error, CustomStringConvertible {
    var description: String { "it broke" }
}

@Suite struct RuntimeLoopTests {
    static func invocation(_ id: String, _ event: String, trace: String? = nil) -> Invocation {
        Invocation(
            metadata: InvocationMetadata(
                requestID: id, deadline: LambdaClock().now.advanced(by: .seconds(30)),
                invokedFunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:f", traceID: trace),
            event: Array(event.utf8))
    }

    @Test func typedHandlerRoundTripsAndErrorsAreReported() async throws {
        let client = ScriptedClient([
            Self.invocation("1", #"{"name":"Ada"}"#), Self.invocation("2", #"{"wrong":true}"#),
            Self.invocation("3", #"{"name":"fail"}"#),
        ])
        let handler = CodableLambdaAdapter(
            ClosureLambdaHandler { (event: Greeting, _: LambdaContext) -> Greeting in
                if event.name == "fail" { throw BrokenHandler() }
                return Greeting(name: "Hello \(event.name)")
            })
        let loop = RuntimeLoop(client: client, handler: handler, logger: Logger(label: "t"), exportTraceID: { _ in })
        await #expect(throws: LambdaRuntimeError.transport("no more invocations")) { try await loop.run() }
        let sent = await client.sent
        #expect(sent[0] == .response("1", LambdaResponse(body: Array(#"{"name":"Hello Ada"}"#.utf8))))
        guard case .error("2", let unmarshal) = sent[1], case .error("3", let broken) = sent[2] else {
            Issue.record("expected two errors, got \(sent)")
            return
        }
        #expect(unmarshal.errorType == "Runtime.UnmarshalError")
        #expect(broken == LambdaErrorBody(errorType: "BrokenHandler", errorMessage: "it broke"))
    }

    @Test func oversizedResponseIsReportedAsResponseSizeTooLarge() async throws {
        let client = ScriptedClient([Self.invocation("big", "{}")])
        let handler = ClosureByteHandler { _, _ in LambdaResponse(body: [UInt8](repeating: 32, count: 6_291_557)) }
        let loop = RuntimeLoop(client: client, handler: handler, logger: Logger(label: "t"), exportTraceID: { _ in })
        try await loop.runOnce()
        guard case .error("big", let body) = await client.sent.first else {
            Issue.record("no error sent")
            return
        }
        #expect(body.errorType == "Function.ResponseSizeTooLarge")
        #expect(body.errorMessage.contains("6291557 bytes"))
    }

    @Test func contextCarriesMetadataAndTraceIsExported() async throws {
        let exported = TraceBox()
        let invocation = Self.invocation("ctx", "{}", trace: "Root=1-abc")
        let client = ScriptedClient([invocation])
        let handler = ClosureByteHandler { _, context in
            #expect(context.requestID == "ctx")
            #expect(context.traceID == "Root=1-abc")
            #expect(context.logger[metadataKey: "aws-request-id"] == "ctx")
            #expect(context.deadline == invocation.metadata.deadline)
            #expect(context.remainingTime <= .seconds(30))
            return LambdaResponse(body: [])
        }
        let loop = RuntimeLoop(client: client, handler: handler, logger: Logger(label: "t")) { exported.set($0) }
        try await loop.runOnce()
        #expect(exported.value == "Root=1-abc")
    }

    @Test func metadataRequiresTheContractHeaders() throws {
        let headers = [
            "lambda-runtime-aws-request-id": "r", "Lambda-Runtime-Deadline-Ms": "1700000000000",
            "lambda-runtime-invoked-function-arn": "arn", "lambda-runtime-client-context": #"{"custom":{"k":"v"}}"#,
        ]
        let metadata = try InvocationMetadata(headers: headers)
        #expect(metadata.deadline.millisecondsSinceEpoch == 1_700_000_000_000)
        #expect(metadata.clientContext == #"{"custom":{"k":"v"}}"#)
        var missing = headers
        missing["lambda-runtime-aws-request-id"] = nil
        #expect(throws: LambdaRuntimeError.missingHeader("Lambda-Runtime-Aws-Request-Id")) {
            try InvocationMetadata(headers: missing)
        }
        var invalid = headers
        invalid["Lambda-Runtime-Deadline-Ms"] = "soon"
        #expect(throws: LambdaRuntimeError.invalidHeader(name: "Lambda-Runtime-Deadline-Ms", value: "soon")) {
            try InvocationMetadata(headers: invalid)
        }
    }

    @Test func clockInstantsMatchTheDeadlineHeader() {
        let now = LambdaClock().now
        let wallClock = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(abs(now.millisecondsSinceEpoch - wallClock) < 1000)
        let later = now.advanced(by: .milliseconds(1500))
        #expect(now.duration(to: later) == .milliseconds(1500))
    }
}

/// Holds the last exported trace id.
final class TraceBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    func set(_ value: String?) {
        lock.lock()
        stored = value
        lock.unlock()
    }
    var value: String? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
