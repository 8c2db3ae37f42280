import Synchronization

/// Hands out 1, 2, 3...
public final class Counter: Sendable {
    private let value = Mutex(0)

    public init() {}

    /// The next number.
    public func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
