import Synchronization

/// A value guarded by a lock, for the little state shared between callers and the transfer thread.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` goes through `mutex`.
    private let mutex = Mutex(())
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try mutex.withLock { _ in try body(&value) }
    }
}
