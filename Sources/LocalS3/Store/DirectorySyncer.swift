import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Group commit of directory entries: writers that renamed a file into a directory wait for one fsync of that
/// directory that started after their rename, so concurrent small PUTs share one directory fsync per batch
/// instead of paying one each. Each writer is answered only once such an fsync has completed, so an
/// acknowledged write is as durable as with its own fsync.
final class DirectorySyncer: Sendable {
    private typealias Waiter = CheckedContinuation<Void, Never>

    /// Writers waiting per directory, and whether a batch is being synced for it.
    private struct Directory {
        var waiting: [Waiter] = []
        var syncing = false
    }

    private let directories = Mutex<[String: Directory]>([:])

    /// Returns once an fsync of `path` that started after this call has completed. Best effort, as
    /// `FileSystem.syncDirectory` is: some filesystems refuse fsync on directories.
    func sync(_ path: String) async {
        await withCheckedContinuation { (waiter: Waiter) in
            let leads = directories.withLock { directories in
                var directory = directories[path, default: Directory()]
                directory.waiting.append(waiter)
                let leads = !directory.syncing
                directory.syncing = true
                directories[path] = directory
                return leads
            }
            // The first writer to find no batch in progress starts the batches; later ones only wait.
            if leads { BlockingIO.pool.submit { _ in self.syncBatches(path) } }
        }
    }

    /// On a blocking-I/O thread: syncs `path` for everyone waiting when the fsync starts, and again for those
    /// who came meanwhile, until nobody waits.
    private func syncBatches(_ path: String) {
        while let batch = takeBatch(path) {
            FileSystem.syncDirectory(path)
            for waiter in batch { waiter.resume() }
        }
    }

    private func takeBatch(_ path: String) -> [Waiter]? {
        directories.withLock { directories in
            guard var directory = directories[path], !directory.waiting.isEmpty else {
                directories[path] = nil
                return nil
            }
            let batch = directory.waiting
            directory.waiting = []
            directories[path] = directory
            return batch
        }
    }
}
