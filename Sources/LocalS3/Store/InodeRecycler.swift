import Synchronization

/// Reuses the file an upload replaced as a later upload's staging file, instead of deleting one inode and
/// creating another per overwrite. On ext4 every create scans the block group for free inodes and skips those
/// deleted in the last seconds (minutes, while their table block is dirty), so at thousands of small PUTs a
/// second inode churn, not the data, dominated the server's CPU time.
///
/// A replaced file is reused only when no reader in this process has it open (the store's files are the
/// process's own), because reuse truncates and rewrites it in place. Every `StoredObject.open` registers its
/// reader here. An opener that got the old file before the swap but registers only after the file was handed
/// out for reuse sees that from the epochs and opens the path again, so no reader ever reads a file being
/// rewritten.
final class InodeRecycler: Sendable {
    /// Files larger than this are deleted rather than kept: truncating them costs what reuse would save.
    static let largestReused: Int64 = 1 << 20
    /// Spare files kept at most; more are deleted.
    static let spareLimit = 64

    private struct State {
        var spares: [String] = []
        /// Open readers per inode.
        var readers: [UInt64: Int] = [:]
        /// When each inode was handed out for reuse, for openers that started before that.
        var reusedAt: [UInt64: UInt64] = [:]
        var epoch: UInt64 = 0
        /// Openers between `beginOpen` and `finishOpen`.
        var opening = 0

        /// One opener is done; with nobody left between begin and finish, no opener can have started before a
        /// past reuse, so the reuse epochs are forgotten.
        mutating func openEnded() {
            opening -= 1
            if opening == 0 { reusedAt.removeAll(keepingCapacity: true) }
        }
    }

    private let state = Mutex(State())

    /// A spare file's path for a new staging file, nil when there is none.
    func takeSpare() -> String? {
        state.withLock { $0.spares.popLast() }
    }

    /// Offers the file now at `path` (inode `inode`, `size` bytes, `links` names), which an upload just
    /// replaced, for reuse. True when it was taken; false when it is still a stored file under another name
    /// (a noncurrent version shares the inode of the object it was), a reader has it open, it is large or
    /// enough spares wait, and the caller deletes `path`.
    func offer(path: String, inode: UInt64, size: Int64, links: Int = 1) -> Bool {
        guard links == 1, size <= Self.largestReused else { return false }
        return state.withLock { state in
            guard state.readers[inode] == nil, state.spares.count < Self.spareLimit else { return false }
            state.epoch += 1
            if state.opening > 0 { state.reusedAt[inode] = state.epoch }
            state.spares.append(path)
            return true
        }
    }

    /// Called before opening an object file; hand the result to `finishOpen` or `cancelOpen`.
    func beginOpen() -> UInt64 {
        state.withLock { state in
            state.opening += 1
            return state.epoch
        }
    }

    /// Registers a reader of `inode`, opened after `beginOpen` returned `started`. Nil when the file was handed
    /// out for reuse meanwhile: the caller closes it and opens the path again.
    func finishOpen(inode: UInt64, started: UInt64) -> ReaderRegistration? {
        let registered = state.withLock { state in
            let reused = (state.reusedAt[inode] ?? 0) > started
            if !reused { state.readers[inode, default: 0] += 1 }
            state.openEnded()
            return !reused
        }
        return registered ? ReaderRegistration(inode: inode, recycler: self) : nil
    }

    /// Ends an open that failed before `finishOpen`.
    func cancelOpen() {
        state.withLock { $0.openEnded() }
    }

    fileprivate func release(_ inode: UInt64) {
        state.withLock { state in
            guard let count = state.readers[inode] else { return }
            state.readers[inode] = count > 1 ? count - 1 : nil
        }
    }
}

/// One open reader of an object file; the file cannot be reused until this goes away.
final class ReaderRegistration: Sendable {
    private let inode: UInt64
    private let recycler: InodeRecycler

    fileprivate init(inode: UInt64, recycler: InodeRecycler) {
        self.inode = inode
        self.recycler = recycler
    }

    deinit { recycler.release(inode) }
}
