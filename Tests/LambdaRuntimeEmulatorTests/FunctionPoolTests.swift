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
        let gate = Fixtures.Gate()
        let slow = Task { try await pool.invoke(Fixtures.request(gate.waitEvent)) }
        try await Fixtures.eventually { await pool.environments != 0 }
        let queued = Task { try await pool.invoke(Fixtures.request("1")) }
        try await Fixtures.eventually { await pool.queued != 0 }
        await #expect(throws: FunctionPool.Refusal.queueFull(limit: 1)) {
            try await pool.invoke(Fixtures.request("2"))
        }
        gate.open()
        #expect(try await slow.value.text == #""waited""#)
        #expect(try await queued.value.text == "1")
        await pool.shutdown()
    }

    @Test func synchronousInvokesGoBeforeQueuedEvents() async throws {
        let pool = FunctionPool(
            function: try Fixtures.function(concurrency: 1), sink: RecordingSink(), logger: Fixtures.logger)
        let order = Recorder()
        let gate = Fixtures.Gate()
        let slow = Task { try await pool.invoke(Fixtures.request(gate.waitEvent)) }
        try await Fixtures.eventually { await pool.environments != 0 }
        let event = Task {
            let result = try await pool.invoke(Fixtures.request(#""event""#), priority: .event)
            await order.add(result.text)
        }
        try await Fixtures.eventually { await pool.queued >= 1 }
        let synchronous = Task {
            let result = try await pool.invoke(Fixtures.request(#""sync""#))
            await order.add(result.text)
        }
        try await Fixtures.eventually { await pool.queued >= 2 }
        gate.open()
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
        let gate = Fixtures.Gate()
        let slow = Task { try await pool.invoke(Fixtures.request(gate.waitEvent)) }
        try await Fixtures.eventually { await pool.environments != 0 }
        let event = Task { try await pool.invoke(Fixtures.request("7"), priority: .event) }
        try await Fixtures.eventually { await pool.queued >= 1 }
        await #expect(throws: FunctionPool.Refusal.queueFull(limit: 0)) { try await pool.invoke(Fixtures.request("8")) }
        gate.open()
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
