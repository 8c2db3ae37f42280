import BuildingBlocks
import Testing

/// The one FIFO queue: order, counts, and reuse after draining or compacting. (The queue is not copyable, so
/// its reads are taken into plain values before `#expect` looks at them.)
@Suite struct FIFOQueueTests {
    @Test func popsInTheOrderAppended() {
        var queue = FIFOQueue<Int>()
        let emptyAtFirst = queue.isEmpty
        let first = queue.popFirst()
        #expect(emptyAtFirst && first == nil)
        for value in 1...3 { queue.append(value) }
        let count = queue.count
        #expect(count == 3)
        let one = queue.popFirst()
        #expect(one == 1)
        queue.append(4)
        let rest = Self.drain(&queue)
        #expect(rest == [2, 3, 4])
        let emptyAtLast = queue.isEmpty
        #expect(emptyAtLast)
    }

    @Test func keepsOrderAcrossCompactionsAndDrains() {
        var queue = FIFOQueue<Int>()
        var taken: [Int] = []
        var appended = 0
        // Five appended per three taken: the queue never drains, so its dead prefix is dropped along the way.
        for _ in 0..<200 {
            for _ in 0..<5 {
                queue.append(appended)
                appended += 1
            }
            for _ in 0..<3 {
                if let value = queue.popFirst() { taken.append(value) }
            }
        }
        let waiting = queue.count
        #expect(waiting == appended - taken.count)
        taken += Self.drain(&queue)
        #expect(taken == Array(0..<appended))
        // Drained, it serves again.
        queue.append(7)
        let count = queue.count
        let seven = queue.popFirst()
        #expect(count == 1 && seven == 7)
    }

    private static func drain(_ queue: inout FIFOQueue<Int>) -> [Int] {
        var values: [Int] = []
        while let value = queue.popFirst() { values.append(value) }
        return values
    }
}
