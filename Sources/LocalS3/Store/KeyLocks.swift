import Synchronization

/// Striped locks over destination paths: the check of a conditional write and the rename that publishes
/// it (or the unlink of a delete) happen under the path's lock, so two writers of one key are serialised
/// at the moment that matters while different keys almost never wait on each other. Held only around
/// metadata operations (stat, open, rename, unlink), never around body I/O or fsync.
final class KeyLocks: Sendable {
    static let stripeCount = 256

    private final class Stripe: Sendable {
        let mutex = Mutex(())
    }

    private let stripes: [Stripe] = (0..<KeyLocks.stripeCount).map { _ in Stripe() }

    /// Runs `body` holding the lock of `path`.
    func withLock<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        var hasher = Hasher()
        hasher.combine(path)
        let index = Int(UInt(bitPattern: hasher.finalize()) % UInt(Self.stripeCount))
        return try stripes[index].mutex.withLock { _ in try body() }
    }
}
