import Synchronization

/// Decoded object metadata by the exact JSON bytes it was decoded from, so a GET or HEAD of an object
/// whose metadata was read before skips the JSON decoder. The value is a pure function of the key, so an
/// entry can never be stale; the cache is bounded and emptied when full.
final class MetadataCache: Sendable {
    static let capacity = 4096
    private let entries = Mutex<[[UInt8]: ObjectMetadata]>([:])

    func metadata(for json: [UInt8]) -> ObjectMetadata? {
        entries.withLock { $0[json] }
    }

    func store(_ metadata: ObjectMetadata, for json: [UInt8]) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[json] = metadata
        }
    }
}
