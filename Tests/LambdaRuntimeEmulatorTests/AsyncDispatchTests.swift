import Foundation
import Testing

@testable import LambdaRuntimeEmulator

/// Fake invocations that hold until released and record how many ran at once.
actor InvocationGate {
    private(set) var running = 0
    private(set) var mostAtOnce = 0
    private(set) var started: [String] = []
    private var held: [CheckedContinuation<Void, Never>] = []
    private var runningWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private var open = false

    func enter(_ name: String) async {
        running += 1
        mostAtOnce = max(mostAtOnce, running)
        started.append(name)
        let ready = runningWaiters.filter { $0.count <= running }
        runningWaiters.removeAll { $0.count <= running }
        for waiter in ready { waiter.continuation.resume() }
        if !open { await withCheckedContinuation { held.append($0) } }
        running -= 1
    }

    /// Waits until `count` invocations are held at once.
    func waitForRunning(_ count: Int) async {
        if running >= count { return }
        await withCheckedContinuation { runningWaiters.append((count, $0)) }
    }

    func releaseAll() {
        open = true
        for waiter in held { waiter.resume() }
        held = []
    }
}

/// A settable clock for event ages.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(seconds: Double) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

@Suite struct AsyncDispatchTests {
    static func result(_ request: InvocationRequest, error: Bool = false) -> InvocationResult {
        InvocationResult(
            requestID: request.requestID,
            outcome: error
                ? .functionError(body: ErrorDocument.make(type: "Boom", message: "failed"))
                : .response(body: Array(#"{"ok":true}"#.utf8), contentType: "application/json"),
            function: try! Fixtures.function(), log: [])
    }

    @Test func eventsRunConcurrentlyUpToTheFunctionsConcurrency() async throws {
        let store = try AsyncInvokerTests.store()
        let gate = InvocationGate()
        let invoker = AsyncInvoker(
            store: store, retryDelays: [], logger: Fixtures.logger, concurrency: { _ in 3 }
        ) { _, request in
            await gate.enter(String(decoding: request.payload, as: UTF8.self))
            return Self.result(request)
        }
        for index in 0..<7 { try await invoker.enqueue(function: "f", request: Fixtures.request("\(index)")) }
        await gate.waitForRunning(3)
        #expect(await gate.started == ["0", "1", "2"])
        await gate.releaseAll()
        await invoker.waitUntilIdle()
        #expect(await gate.mostAtOnce == 3)
        #expect(await gate.started.count == 7)
        #expect(try await store.pendingCount() == 0)
    }

    @Test func anEventWaitingForItsRetryBlocksNothing() async throws {
        let store = try AsyncInvokerTests.store()
        let seen = Recorder()
        let invoker = AsyncInvoker(
            store: store, retryDelays: [.seconds(3600)], logger: Fixtures.logger, concurrency: { _ in 1 }
        ) { _, request in
            let text = String(decoding: request.payload, as: UTF8.self)
            await seen.add(text)
            return Self.result(request, error: text == #""bad""#)
        }
        try await invoker.enqueue(function: "f", request: Fixtures.request(#""bad""#))
        try await invoker.enqueue(function: "f", request: Fixtures.request(#""good""#))
        try await Fixtures.eventually { await seen.items.count >= 2 }
        // The healthy event ran on the only slot while the failed one waits an hour for its retry.
        #expect(await seen.items == [#""bad""#, #""good""#])
        try await Fixtures.eventually { try await store.pendingCount() <= 1 }
        #expect(try await store.nextRetryTime(function: "f") != nil)
        await invoker.stop()
    }

    @Test func zeroRetryAttemptsRunOnce() async throws {
        let store = try AsyncInvokerTests.store()
        let attempts = Recorder()
        let configs = EventInvokeConfigs(["f": EventInvokeConfig(maximumRetryAttempts: 0)])
        let invoker = AsyncInvoker(store: store, retryDelays: [], logger: Fixtures.logger, configs: configs) {
            _, request in
            await attempts.add(request.requestID)
            return Self.result(request, error: true)
        }
        try await invoker.enqueue(function: "f", request: Fixtures.request("{}"))
        await invoker.waitUntilIdle()
        #expect(await attempts.items.count == 1)
        let letters = try await store.deadLetters()
        #expect(letters.map(\.attempts) == [1])
        #expect(letters.map(\.condition) == ["RetriesExhausted"])
    }

    @Test func anExpiredEventGoesToItsFailureDestinationWithLambdasRecord() async throws {
        let store = try AsyncInvokerTests.store()
        let clock = TestClock()
        let delivered = Recorder()
        let configs = EventInvokeConfigs([
            "f": EventInvokeConfig(
                maximumEventAgeInSeconds: 60, onFailure: "arn:aws:lambda:us-east-1:123456789012:function:sink")
        ])
        let invoker = AsyncInvoker(
            store: store, retryDelays: [], logger: Fixtures.logger, configs: configs, now: { clock.now }
        ) { function, request in
            await delivered.add("\(function) \(String(decoding: request.payload, as: UTF8.self))")
            return Self.result(request)
        }
        let request = Fixtures.request(#"{"job":"j1"}"#)
        try await store.enqueue(function: "f", request: request, at: clock.now)
        clock.advance(seconds: 61)
        try await invoker.resumePending()
        await invoker.waitUntilIdle()
        let items = await delivered.items
        #expect(items.count == 1)
        let record = try #require(items.first?.split(separator: " ", maxSplits: 1))
        #expect(record.first == "sink")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(record.last!.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "1.0")
        let context = try #require(json["requestContext"] as? [String: Any])
        #expect(context["requestId"] as? String == request.requestID)
        #expect(context["functionArn"] as? String == "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST")
        #expect(context["condition"] as? String == "EventAgeExceeded")
        #expect(context["approximateInvokeCount"] as? Int == 0)
        #expect((json["requestPayload"] as? [String: Any])?["job"] as? String == "j1")
        #expect(try await store.pendingCount() == 0)
        #expect(try await store.deadLetters().isEmpty)
    }

    @Test func aSuccessGoesToItsSuccessDestination() async throws {
        let store = try AsyncInvokerTests.store()
        let delivered = Recorder()
        let configs = EventInvokeConfigs([
            "f": EventInvokeConfig(onSuccess: "arn:aws:lambda:us-east-1:123456789012:function:sink")
        ])
        let invoker = AsyncInvoker(store: store, retryDelays: [], logger: Fixtures.logger, configs: configs) {
            function, request in
            await delivered.add("\(function) \(String(decoding: request.payload, as: UTF8.self))")
            return Self.result(request)
        }
        try await invoker.enqueue(function: "f", request: Fixtures.request(#"{"n":1}"#))
        await invoker.waitUntilIdle()
        // The record is itself a queued event of the destination, run after the original.
        try await invoker.resumePending()
        await invoker.waitUntilIdle()
        let items = await delivered.items
        #expect(items.count == 2)
        let record = try #require(items.last?.split(separator: " ", maxSplits: 1))
        #expect(record.first == "sink")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(record.last!.utf8)) as? [String: Any])
        #expect((json["requestContext"] as? [String: Any])?["condition"] as? String == "Success")
        #expect((json["requestContext"] as? [String: Any])?["approximateInvokeCount"] as? Int == 1)
        #expect((json["responseContext"] as? [String: Any])?["statusCode"] as? Int == 200)
        #expect((json["responseContext"] as? [String: Any])?["functionError"] == nil)
        #expect((json["responsePayload"] as? [String: Any])?["ok"] as? Bool == true)
    }

    @Test func anAttemptInFlightAtACrashRunsAgainOnceAfterRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("events.sqlite").path
        let before = try AsyncEventStore(path: path)
        try await before.enqueue(function: "f", request: Fixtures.request(#""first""#))
        try await before.enqueue(function: "f", request: Fixtures.request(#""second""#))
        // The crashed process had claimed (and was running) the first event.
        let claimed = try #require(try await before.claimNext(function: "f", now: Date()))
        #expect(claimed.attempts == 1)

        let after = try AsyncEventStore(path: path)
        let seen = Recorder()
        let invoker = AsyncInvoker(store: after, retryDelays: [], logger: Fixtures.logger) { _, request in
            await seen.add(String(decoding: request.payload, as: UTF8.self))
            return Self.result(request)
        }
        try await invoker.resumePending()
        await invoker.waitUntilIdle()
        #expect(await seen.items == [#""first""#, #""second""#])
        #expect(try await after.pendingCount() == 0)
    }

    @Test func deadLettersCanBeReplayed() async throws {
        let store = try AsyncInvokerTests.store()
        let configs = EventInvokeConfigs(["f": EventInvokeConfig(maximumRetryAttempts: 0)])
        let failing = Recorder()
        let invoker = AsyncInvoker(store: store, retryDelays: [], logger: Fixtures.logger, configs: configs) {
            _, request in
            await failing.add(request.requestID)
            return Self.result(request, error: await failing.items.count == 1)
        }
        try await invoker.enqueue(function: "f", request: Fixtures.request("{}"))
        await invoker.waitUntilIdle()
        let letter = try #require(try await store.deadLetters().first)
        #expect(try await store.replayDeadLetters(id: letter.id) == [letter.id])
        #expect(try await store.deadLetters().isEmpty)
        try await invoker.resumePending()
        await invoker.waitUntilIdle()
        #expect(await failing.items == [letter.requestID, letter.requestID])
        #expect(try await store.pendingCount() == 0)
    }
}
