import BuildingBlocks
import Foundation
import Logging
import SQLiteSupport
import Synchronization

/// LocalDynamo's engine: DynamoDB operations over SQLite, callable in-process without a socket.
///
/// Every operation runs under one lock on one SQLite connection, and every write in one SQLite
/// transaction, so conditional writes and read-modify-write updates (`ADD n :one`) are atomic.
/// The synchronous entry points (`perform`, `handle`, `checkpoint`, `sweepExpiredItems`) run on the
/// caller's thread, for tests and embedders; the async ones (`handleGrouped`, `checkpointInBackground`,
/// `sweepInBackground`) run the same work on `DynamoIO`'s threads, off Swift's cooperative pool.
public final class DynamoEngine: Sendable {
    let storage: Mutex<Storage>
    /// A second connection to the same file that copies the WAL back into the database off the request path.
    private let checkpointer: Mutex<SQLiteConnection?>
    public let clock: any WallClock

    /// The operation a request names, and the function that serves it.
    typealias Handler = @Sendable (RequestReader, Storage, any WallClock) throws(DynamoError) -> JSON

    static let handlers: [String: Handler] = [
        "CreateTable": CreateTable.run,
        "DeleteTable": DeleteTable.run,
        "DescribeTable": DescribeTable.run,
        "ListTables": ListTables.run,
        "UpdateTimeToLive": UpdateTimeToLive.run,
        "DescribeTimeToLive": DescribeTimeToLive.run,
        "PutItem": PutItem.run,
        "GetItem": GetItem.run,
        "UpdateItem": UpdateItem.run,
        "DeleteItem": DeleteItem.run,
        "Query": Query.run,
        "Scan": Scan.run,
        "BatchGetItem": BatchGetItem.run,
        "BatchWriteItem": BatchWriteItem.run,
        "TransactGetItems": TransactGetItems.run,
        "TransactWriteItems": TransactWriteItems.run,
        "UpdateTable": UpdateTable.run,
        "TagResource": TagResource.run,
        "UntagResource": UntagResource.run,
        "ListTagsOfResource": ListTagsOfResource.run,
        "ListStreams": ListStreams.run,
        "DescribeStream": DescribeStream.run,
        "GetShardIterator": GetShardIterator.run,
        "GetRecords": GetRecords.run,
    ]

    /// The DynamoDB Streams actions, served under their own target prefix.
    static let streamOperations: Set<String> = ["ListStreams", "DescribeStream", "GetShardIterator", "GetRecords"]

    /// Operations DynamoDB answers with an empty body on success.
    static let emptyBodyOperations: Set<String> = ["TagResource", "UntagResource"]

    /// Opens the store in `dataDirectory` (created if needed), or in memory when nil.
    public init(dataDirectory: String?, clock: any WallClock = SystemWallClock()) throws(DynamoError) {
        var path: String?
        if let dataDirectory {
            do {
                try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            } catch {
                throw DynamoError(.internalServerError, "cannot create the data directory \(dataDirectory): \(error)")
            }
            path = (dataDirectory as NSString).appendingPathComponent("localdynamo.sqlite3")
        }
        self.storage = Mutex(try Storage(path: path, clock: clock))
        if let path {
            do {
                self.checkpointer = Mutex(
                    try SQLiteConnection(path: path, logger: Logger(label: "localdynamo.checkpointer")))
            } catch {
                throw DynamoError(.internalServerError, "cannot open the checkpoint connection: \(error)")
            }
        } else {
            self.checkpointer = Mutex(nil)
        }
        self.clock = clock
    }

    /// Copies committed WAL frames into the database file without blocking readers or writers
    /// (a PASSIVE checkpoint on the second connection), so request latency never includes its fsync.
    public func checkpoint() throws(DynamoError) {
        try checkpointer.withLock { (connection: inout SQLiteConnection?) throws(DynamoError) in
            guard let connection else { return }  // in memory: no WAL to checkpoint
            try Storage.wrap { try connection.execute("PRAGMA wal_checkpoint(PASSIVE)") }
        }
    }

    /// `checkpoint` on the I/O threads.
    public func checkpointInBackground() async throws(DynamoError) {
        try await DynamoIO.run { () throws(DynamoError) in try self.checkpoint() }
    }

    /// Runs one operation on a parsed request body.
    public func perform(_ operation: String, _ request: JSON) throws(DynamoError) -> JSON {
        let clock = self.clock
        return try storage.withLock { (storage: inout Storage) throws(DynamoError) -> JSON in
            try DynamoEngine.run(operation, request, storage, clock)
        }
    }

    static func run(_ operation: String, _ request: JSON, _ storage: Storage, _ clock: any WallClock)
        throws(DynamoError) -> JSON
    {
        guard let handler = DynamoEngine.handlers[operation] else {
            throw DynamoError(.unknownOperation, "The requested operation \(operation) is not supported by LocalDynamo")
        }
        guard case .object(let members) = request else {
            throw .serialization("Start of structure or map found where not expected")
        }
        return try handler(RequestReader(members), storage, clock)
    }

    /// Runs one operation on raw body bytes, always producing a status and a JSON body (errors included).
    public func handle(operation: String, body: [UInt8]) -> (status: Int, body: [UInt8]) {
        let clock = self.clock
        return storage.withLock { (storage: inout Storage) in DynamoEngine.respond(operation, body, storage, clock) }
    }

    static func respond(_ operation: String, _ body: [UInt8], _ storage: Storage, _ clock: any WallClock) -> (
        status: Int, body: [UInt8]
    ) {
        do throws(DynamoError) {
            let request: JSON
            do {
                request = try JSON.parse(body)
            } catch {
                throw DynamoError.serialization()
            }
            let response = try run(operation, request, storage, clock)
            return (200, emptyBodyOperations.contains(operation) ? [] : response.serialized())
        } catch {
            return (error.httpStatus, error.body().serialized())
        }
    }

    // MARK: Group commit

    /// Single-item operations the server may group into one SQLite transaction.
    static let groupable: Set<String> = ["PutItem", "GetItem", "UpdateItem", "DeleteItem"]

    private struct Pending {
        let operation: String
        let body: [UInt8]
        let continuation: CheckedContinuation<(status: Int, body: [UInt8]), Never>
    }

    private let queue = Mutex<(pending: [Pending], draining: Bool)>(([], false))

    /// Like `handle`, but concurrent callers share one transaction and one WAL commit (group commit): each
    /// request runs in its own savepoint, so it succeeds or fails alone, and every response is released only
    /// after the shared COMMIT, so nothing is acknowledged before it is in the WAL.
    public func handleGrouped(operation: String, body: [UInt8]) async -> (status: Int, body: [UInt8]) {
        guard DynamoEngine.groupable.contains(operation) else {
            do throws(DynamoError) {
                return try await DynamoIO.run { self.handle(operation: operation, body: body) }
            } catch {
                return (error.httpStatus, error.body().serialized())
            }
        }
        return await withCheckedContinuation { continuation in
            let leads = queue.withLock { state -> Bool in
                state.pending.append(Pending(operation: operation, body: body, continuation: continuation))
                if state.draining { return false }
                state.draining = true
                return true
            }
            if leads { DynamoIO.submit { self.drainOneGroup() } }
        }
    }

    /// Runs everything queued as one group, on an I/O thread; if more arrived meanwhile, the next group is
    /// queued on the pool in turn.
    private func drainOneGroup() {
        let group = queue.withLock { state -> [Pending] in
            let group = state.pending
            state.pending = []
            if group.isEmpty { state.draining = false }
            return group
        }
        guard !group.isEmpty else { return }
        let clock = self.clock
        let results = storage.withLock { (storage: inout Storage) in
            storage.groupCommit { group.map { DynamoEngine.respond($0.operation, $0.body, storage, clock) } }
        }
        for (index, request) in group.enumerated() {
            switch results {
            case .success(let responses): request.continuation.resume(returning: responses[index])
            case .failure(let error):
                let failure = DynamoError(
                    .internalServerError, "the group commit failed; nothing was written: \(error.message ?? "")")
                request.continuation.resume(returning: (failure.httpStatus, failure.body().serialized()))
            }
        }
        let more = queue.withLock { state -> Bool in
            if state.pending.isEmpty {
                state.draining = false
                return false
            }
            return true
        }
        if more { DynamoIO.submit { self.drainOneGroup() } }
    }

    /// `sweepExpiredItems` on the I/O threads.
    public func sweepInBackground(limit: Int) async throws(DynamoError) -> Int {
        try await DynamoIO.run { () throws(DynamoError) -> Int in try self.sweepExpiredItems(limit: limit) }
    }

    /// Deletes up to `limit` items whose TTL has passed; returns how many were deleted.
    @discardableResult
    public func sweepExpiredItems(limit: Int = 1000) throws(DynamoError) -> Int {
        let now = clock.now.secondsSinceEpoch
        return try storage.withLock { (storage: inout Storage) throws(DynamoError) -> Int in
            let keys = try storage.expiredKeys(now: now, limit: limit)
            return try storage.transaction { () throws(DynamoError) -> Int in
                try storage.trimStreams(now: now)
                var deleted = 0
                for (tableID, key) in keys {
                    guard let table = storage.table(id: tableID) else { continue }
                    do throws(DynamoError) {
                        // A TTL deletion is a REMOVE record with the service's identity: it needs the old item.
                        let old = table.latestStream?.isEnabled == true ? try storage.get(table, key: key) : nil
                        try storage.delete(table, key: key, old: old, byService: true)
                    } catch {
                        throw DynamoError(error.kind, "table \(table.name): \(error.message ?? error.kind.rawValue)")
                    }
                    deleted += 1
                }
                return deleted
            }
        }
    }
}
