import Testing

@testable import LambdaRuntimeEmulator

@Suite struct RuntimeSessionTests {
    static func invocation(_ id: String = "req-1") -> RuntimeInvocation {
        RuntimeInvocation(
            requestID: id, invocationID: "inv-\(id)", deadlineMilliseconds: 1_000, functionARN: "arn", traceID: "t",
            payload: Array("{}".utf8))
    }

    @Test func heldNextReceivesTheDeliveredInvocation() async throws {
        let session = RuntimeSession()
        async let next = session.next()
        try await Fixtures.eventually { session.isWaitingForWork }
        async let outcome = session.deliver(Self.invocation())
        guard case .invocation(let delivered) = await next else {
            Issue.record("expected an invocation")
            return
        }
        #expect(delivered.requestID == "req-1")
        let answer = session.answer(
            requestID: "req-1", invocationID: "inv-req-1", outcome: .response(body: [1], contentType: "x"))
        #expect((try? answer.get()) != nil)
        #expect(await outcome == .response(body: [1], contentType: "x"))
    }

    @Test func pendingInvocationIsHandedToTheFirstNext() async {
        let session = RuntimeSession()
        async let outcome = session.deliver(Self.invocation())
        var result = await session.next()
        while case .refused = result { result = await session.next() }
        guard case .invocation(let delivered) = result else { return }
        #expect(delivered.invocationID == "inv-req-1")
        _ = session.answer(requestID: "req-1", invocationID: nil, outcome: .functionError(body: [2]))
        #expect(await outcome == .functionError(body: [2]))
    }

    @Test func wrongRequestIDAndInvocationIDAreRefused() async {
        let session = RuntimeSession()
        async let outcome = session.deliver(Self.invocation())
        _ = await session.next()
        let wrongID = session.answer(requestID: "other", invocationID: nil, outcome: .functionError(body: []))
        #expect(wrongID.refusal == .invalidRequestID)
        let wrongInvocation = session.answer(
            requestID: "req-1", invocationID: "stale", outcome: .functionError(body: []))
        #expect(wrongInvocation.refusal == .invalidRequestID)
        let right = session.answer(requestID: "req-1", invocationID: "inv-req-1", outcome: .timedOut)
        #expect((try? right.get()) != nil)
        let second = session.answer(requestID: "req-1", invocationID: nil, outcome: .timedOut)
        #expect(second.refusal == .invalidRequestID)
        #expect(await outcome == .timedOut)
    }

    @Test func nextWhileInvokingIsAnInvalidStateTransition() async {
        let session = RuntimeSession()
        async let outcome = session.deliver(Self.invocation())
        _ = await session.next()
        guard case .refused(let error) = await session.next() else {
            Issue.record("second next was not refused")
            return
        }
        #expect(error.status == 403)
        #expect(error.errorType == "InvalidStateTransition")
        session.terminate(.runtimeExited(.exited(1)))
        #expect(await outcome == .runtimeExited(.exited(1)))
    }

    @Test func initErrorFailsThePendingInvocationAndIsRefusedAfterInit() async throws {
        let session = RuntimeSession()
        async let outcome = session.deliver(Self.invocation())
        let body = Array(#"{"errorType":"E","errorMessage":"m"}"#.utf8)
        #expect((try? (session.initError(body: body)).get()) != nil)
        #expect(await outcome == .initError(body: body))

        let initialised = RuntimeSession()
        async let held = initialised.next()
        try await Fixtures.eventually { initialised.isWaitingForWork }
        let late = initialised.initError(body: body)
        #expect(late.refusal == .invalidStateTransition(from: "Ready", to: "InitError"))
        initialised.terminate(.timedOut)
        guard case .refused(let error) = await held else {
            Issue.record("held next was not released")
            return
        }
        #expect(error.status == 500)
    }

    @Test func terminatedSessionAnswersLaterDeliveriesWithItsOutcome() async {
        let session = RuntimeSession()
        session.terminate(.runtimeExited(.signaled(9)))
        #expect(await session.deliver(Self.invocation()) == .runtimeExited(.signaled(9)))
    }

    @Test func errorDocumentsAreNormalised() {
        let synthesised = ErrorDocument.normalise(Array("not json".utf8), headerType: "Runtime.Crash")
        #expect(ErrorDocument.type(of: synthesised) == "Runtime.Crash")
        let withCause = Array(#"{"errorType":"A","errorMessage":"b","errorCause":{"x":1}}"#.utf8)
        let stripped = String(decoding: ErrorDocument.normalise(withCause, headerType: nil), as: UTF8.self)
        #expect(!stripped.contains("errorCause"))
        #expect(stripped.contains(#""errorType":"A""#))
    }

    @Test func functionNamesAcceptEveryInvokeForm() {
        #expect(FunctionName("hello") == FunctionName(name: "hello", qualifier: nil))
        #expect(FunctionName("hello:$LATEST")?.qualifier == "$LATEST")
        #expect(FunctionName("123456789012:function:hello")?.name == "hello")
        #expect(FunctionName("arn:aws:lambda:us-east-1:123456789012:function:hello:prod")?.qualifier == "prod")
        #expect(FunctionName("bad/name") == nil)
        #expect(FunctionName("") == nil)
    }
}

extension Result where Success == Void, Failure == RuntimeAPIError {
    /// The refusal, or nil when the call was accepted.
    var refusal: RuntimeAPIError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
