/// A first-in first-out queue with O(1) amortised operations that reuses its storage: a removal moves no
/// element (the dead prefix is dropped only once it outgrows the live part), and a drained queue keeps its
/// capacity, so a queue that fills and empties in turn stops allocating once it has grown. Not copyable, so
/// no copy-on-write copy of the storage can happen behind a caller's back (the runtime's job queue is on its
/// hot path); inlinable, so a queue of jobs is specialised where it is used.
public struct FIFOQueue<Element>: ~Copyable {
    @usableFromInline var items: [Element] = []
    /// Where the first live element stands in `items`.
    @usableFromInline var head = 0

    /// An empty queue.
    @inlinable public init() {}

    /// Elements waiting.
    @inlinable public var count: Int { items.count - head }

    /// Whether nothing waits.
    @inlinable public var isEmpty: Bool { head == items.count }

    /// Puts an element at the back.
    @inlinable public mutating func append(_ element: Element) {
        items.append(element)
    }

    /// Takes the element at the front; nil when the queue is empty.
    @inlinable public mutating func popFirst() -> Element? {
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 64 && head * 2 > items.count {
            // A queue that never drains: drop the dead prefix in place once it is most of the storage.
            items.removeFirst(head)
            head = 0
        }
        return element
    }
}

extension FIFOQueue: Sendable where Element: Sendable {}
