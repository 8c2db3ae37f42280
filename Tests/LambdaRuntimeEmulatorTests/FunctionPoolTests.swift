import Foundation
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct FunctionPoolTests {
    @Test func concurrentInvocationsShareAtMostTheReservedEnvironments() async throws {
        let pool = FunctionPool(
            function: try Fixtures.function(concurrency: 3), sink: RecordingSink(), logger: Fixtures.logger)
        let results = await withTaskGroup(of: InvocationResult?.self) { group in
            for index in 0..<12 {
                group.addTask { try? await pool.invoke(Fixtures.request(#"{"n":\#(index)}"#)) }
            }
            var collected: [InvocationResult] = []
            for await result in group { if let result { collected.append(result) } }
            return collected
        }
        #expect(results.count == 12)
        #expect(Set(results.map(\.text)) == Set((0..<12).map { #"{"n":\#($0)}"# }))
        #expect(await pool.environments <= 3)
        await pool.shutdown()
    }

    @Test func fullQueueRefusesWithTooManyRequests() async throws {
        let pool = FunctionPool(
            function: try Fixtures.function(concurrency: 1, queueLimit: 1), sink: RecordingSink(),
            logger: Fixtures.logger)
        let slow = Task { try await pool.invoke(Fixtures.request(#"{"action":"sleep","milliseconds":800}"#)) }
        while await pool.environments == 0 { await Task.yield() }
        let queued = Task { try await pool.invoke(Fixtures.request("1")) }
        while await pool.queued == 0 { await Task.yield() }
        await #expect(throws: FunctionPool.Refusal.queueFull(limit: 1)) {
            try await pool.invoke(Fixtures.request("2"))
        }
        #expect(try await slow.value.text == #""slept""#)
        #expect(try await queued.value.text == "1")
        await pool.shutdown()
    }

    @Test func synchronousInvokesGoBeforeQueuedEvents() async throws {
        let pool = FunctionPool(
            function: try Fixtures.function(concurrency: 1), sink: RecordingSink(), logger: Fixtures.logger)
        let order = Recorder()
        let slow = Task { try await pool.invoke(Fixtures.request(#"{"action":"sleep","milliseconds":300}"#)) }
        while await pool.environments == 0 { await Task.yield() }
        let event = Task {
            let result = try await pool.invoke(Fixtures.request(#""event""#), priority: .event)
            await order.add(result.text)
        }
        while await pool.queued < 1 { await Task.yield() }
        let synchronous = Task {
            let result = try await pool.invoke(Fixtures.request(#""sync""#))
            await order.add(result.text)
        }
        while await pool.queued < 2 { await Task.yield() }
        _ = try await slow.value
        try await event.value
        try await synchronous.value
        #expect(await order.items == [#""sync""#, #""event""#])
        await pool.shutdown()
    }

    @Test func queuedEventsAreNotBoundedByTheSynchronousQueueLimit() async throws {
        let pool = FunctionPool(
            function: try Fixtures.function(concurrency: 1, queueLimit: 0), sink: RecordingSink(),
            logger: Fixtures.logger)
        let slow = Task { try await pool.invoke(Fixtures.request(#"{"action":"sleep","milliseconds":200}"#)) }
        while await pool.environments == 0 { await Task.yield() }
        let event = Task { try await pool.invoke(Fixtures.request("7"), priority: .event) }
        while await pool.queued < 1 { await Task.yield() }
        await #expect(throws: FunctionPool.Refusal.queueFull(limit: 0)) { try await pool.invoke(Fixtures.request("8")) }
        _ = try await slow.value
        #expect(try await event.value.text == "7")
        await pool.shutdown()
    }

    @Test func idleEnvironmentsAreReaped() async throws {
        let pool = FunctionPool(function: try Fixtures.function(), sink: RecordingSink(), logger: Fixtures.logger)
        _ = try await pool.invoke(Fixtures.request("1"))
        #expect(await pool.environments == 1)
        await pool.reapIdle(before: .now.advanced(by: .seconds(1)))
        #expect(await pool.environments == 0)
        #expect(try await pool.invoke(Fixtures.request("2")).text == "2")
        await pool.shutdown()
    }
}
