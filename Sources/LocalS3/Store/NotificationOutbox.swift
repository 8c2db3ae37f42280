import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One event on its way to a function: the function's ARN and the whole invocation payload (`{"Records":[…]}`).
public struct NotificationOutboxEntry: Codable, Sendable, Equatable {
    public var functionArn: String
    public var payload: String

    public init(functionArn: String, payload: String) {
        self.functionArn = functionArn
        self.payload = payload
    }
}

/// The events one request produced, under the file name that orders them.
public struct NotificationBatch: Sendable, Equatable {
    public var name: String
    public var entries: [NotificationOutboxEntry]
    /// Why the file could not be decoded (its entries are then empty); nil for a readable batch.
    public var unreadableReason: String?
    /// True when the file could not be decoded.
    public var unreadable: Bool { unreadableReason != nil }
}

/// Events waiting for delivery, as files in `<store>/notifications/`, so an acknowledged write's event survives
/// `kill -9`: a request's events are one file, written and fsynced in `tmp/`, renamed into place (and the
/// directory fsynced) before the request is answered, and removed by the deliverer once the emulator's queue
/// holds them. A file is named by its first event's sequencer (16 hex digits, increasing), so name order is
/// the order events were recorded.
public final class NotificationOutbox: Sendable {
    let directory: String
    private let staging: String
    private let sync: Bool
    private let lastSequencer: Mutex<UInt64>
    private let wakeUp: AsyncStream<Void>.Continuation
    /// Yields after every append, so a deliverer need not poll.
    public let arrivals: AsyncStream<Void>

    /// Opens the outbox of `store`, creating its directory.
    public init(store: FileStore) throws {
        directory = store.root + "/notifications"
        staging = store.tmp
        sync = store.durability == .fsync
        try FileSystem.makeDirectories(directory)
        let highest = try FileSystem.entries(directory).compactMap(Self.sequencer(ofFile:)).max() ?? 0
        lastSequencer = Mutex(highest)
        (arrivals, wakeUp) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    deinit { wakeUp.finish() }

    /// A new sequencer: above every one issued before (in this run and, through the file names, earlier ones)
    /// and at least the current time in nanoseconds, so it keeps growing across restarts.
    func nextSequencer() -> UInt64 {
        let now = UInt64(max(0, Date().timeIntervalSince1970 * 1_000_000_000))
        return lastSequencer.withLock { last in
            last = max(last + 1, now)
            return last
        }
    }

    /// Stores a request's events durably; returns once they would survive a crash of the process.
    func append(_ entries: [NotificationOutboxEntry], sequencer: UInt64) async throws {
        guard !entries.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let bytes = Array(try encoder.encode(entries))
        let name = Self.fileName(sequencer)
        let staged = staging + "/" + UUID().uuidString.lowercased() + ".notification"
        let target = directory + "/" + name
        let (directory, sync) = (self.directory, self.sync)
        try await BlockingIO.run {
            let file = try FileDescriptor.open(staged, flags: O_WRONLY | O_CREAT | O_EXCL)
            try file.writeAll(bytes)
            if sync { try file.sync() }
            try FileSystem.rename(staged, target)
            if sync { FileSystem.syncDirectory(directory) }
        }
        wakeUp.yield()
    }

    /// Every stored batch, oldest first.
    public func pending() async throws -> [NotificationBatch] {
        let directory = self.directory
        return try await BlockingIO.run {
            let names = try FileSystem.entries(directory).filter { Self.sequencer(ofFile: $0) != nil }.sorted()
            return names.compactMap { name in
                guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                    return nil  // removed by a deliverer since the listing
                }
                // A file that does not decode is reported as unreadable, for the deliverer to set aside and log.
                do {
                    let entries = try JSONDecoder().decode([NotificationOutboxEntry].self, from: data)
                    return NotificationBatch(name: name, entries: entries)
                } catch {
                    return NotificationBatch(name: name, entries: [], unreadableReason: "\(error)")
                }
            }
        }
    }

    /// Removes a delivered batch.
    public func remove(_ batch: NotificationBatch) async throws {
        let path = self.path(of: batch)
        try await BlockingIO.run { try FileSystem.removeFile(path) }
    }

    /// Renames an unreadable batch to `<name>.unreadable`, out of the way of delivery but kept for inspection.
    public func setAside(_ batch: NotificationBatch) async throws {
        let path = self.path(of: batch)
        try await BlockingIO.run { try FileSystem.rename(path, path + ".unreadable") }
    }

    /// The path of a batch's file (for log lines).
    public func path(of batch: NotificationBatch) -> String { directory + "/" + batch.name }

    static func fileName(_ sequencer: UInt64) -> String { hex(sequencer) + ".json" }

    /// 16 upper-case hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func sequencer(ofFile name: String) -> UInt64? {
        guard name.count == 21, name.hasSuffix(".json") else { return nil }
        return UInt64(name.prefix(16), radix: 16)
    }
}
