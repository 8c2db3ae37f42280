import Foundation
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct AsyncInvokerTests {
    static func store() throws -> AsyncEventStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("queue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try AsyncEventStore(path: directory.appendingPathComponent("events.sqlite").path)
    }

    @Test func eventsRunInOrderPerFunction() async throws {
        let store = try Self.store()
        let pool = FunctionPool(function: try Fixtures.function(), sink: RecordingSink(), logger: Fixtures.logger)
        let seen = Recorder()
        let invoker = AsyncInvoker(store: store, retryDelays: [], logger: Fixtures.logger) { _, request in
            let result = try? await pool.invoke(request)
            await seen.add(result?.text ?? "")
            return result
        }
        for index in 0..<5 { try await invoker.enqueue(function: "echo", request: Fixtures.request("\(index)")) }
        await invoker.waitUntilIdle()
        #expect(await seen.items == ["0", "1", "2", "3", "4"])
        #expect(try await store.pendingCount() == 0)
        await pool.shutdown()
    }

    @Test func failuresAreRetriedTwiceThenDeadLettered() async throws {
        let store = try Self.store()
        let pool = FunctionPool(function: try Fixtures.function(), sink: RecordingSink(), logger: Fixtures.logger)
        let attempts = Recorder()
        let invoker = AsyncInvoker(
            store: store, retryDelays: [.milliseconds(10), .milliseconds(20)], logger: Fixtures.logger
        ) { _, request in
            await attempts.add(request.requestID)
            return try? await pool.invoke(request)
        }
        try await invoker.enqueue(function: "echo", request: Fixtures.request(#"{"action":"fail","line":"nope"}"#))
        await invoker.waitUntilIdle()
        #expect(await attempts.items.count == 3)
        let letters = try await store.deadLetters()
        #expect(letters.count == 1)
        #expect(letters.first?.attempts == 3)
        #expect(letters.first?.error.contains("nope") == true)
        #expect(try await store.pendingCount() == 0)
        await pool.shutdown()
    }

    @Test func storedEventsSurviveAndResume() async throws {
        let store = try Self.store()
        try await store.enqueue(function: "echo", request: Fixtures.request(#""kept""#))
        let seen = Recorder()
        let invoker = AsyncInvoker(store: store, retryDelays: [], logger: Fixtures.logger) { _, request in
            await seen.add(String(decoding: request.payload, as: UTF8.self))
            return InvocationResult(
                requestID: request.requestID, outcome: .response(body: [], contentType: "application/json"),
                function: try! Fixtures.function(), log: [])
        }
        try await invoker.resumePending()
        await invoker.waitUntilIdle()
        #expect(await seen.items == [#""kept""#])
    }
}

/// Collects values across tasks.
actor Recorder {
    private(set) var items: [String] = []
    func add(_ item: String) { items.append(item) }
}
