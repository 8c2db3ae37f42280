import Foundation
import Synchronization

/// The last `capacity` invocations of every function, in a ring buffer, with a change signal for the console's
/// live stream.
///
/// Recording sits on the invoke path: each call takes one lock for a few stores and never waits. Payloads,
/// answers and logs are kept by reference when small (no copy) and cut to their first (logs: last) bytes when not.
public final class InvocationHistory: InvocationObserver {
    /// The most bytes of an event or an answer kept per record.
    public static let previewLimit = 8 * 1024
    /// The most bytes of log kept per record (its tail).
    public static let logLimit = 32 * 1024

    private struct State {
        var slots: [InvocationRecord?]
        var nextSequence: UInt64 = 1
        var version: UInt64 = 0
        var listeners: [UInt64: AsyncStream<Void>.Continuation] = [:]
        var nextListener: UInt64 = 0
    }

    public let capacity: Int
    private let state: Mutex<State>

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        state = Mutex(State(slots: Array(repeating: nil, count: max(1, capacity))))
    }

    // MARK: InvocationObserver

    public func invocationStarted(_ request: InvocationRequest, function: String) -> UInt64 {
        let payload = Self.prefix(request.payload, InvocationHistory.previewLimit)
        let startedAt = Date()
        return state.withLock { state in
            let sequence = state.nextSequence
            state.nextSequence += 1
            state.version += 1
            state.slots[Int(sequence % UInt64(capacity))] = InvocationRecord(
                sequence: sequence, requestID: request.requestID, function: function, origin: request.origin,
                startedAt: startedAt, payload: payload, payloadSize: request.payload.count, version: state.version)
            Self.signal(state)
            return sequence
        }
    }

    public func invocationEnded(_ token: UInt64, result: InvocationResult?) {
        let response = result.map { Self.prefix($0.payload, InvocationHistory.previewLimit) } ?? []
        let log = result.map { Self.suffix($0.log, InvocationHistory.logLimit) } ?? []
        state.withLock { state in
            let slot = Int(token % UInt64(capacity))
            guard var record = state.slots[slot], record.sequence == token else { return }  // overwritten since
            state.version += 1
            record.version = state.version
            if let result {
                record.status = InvocationRecord.status(of: result)
                record.errorType = result.errorType
                record.report = result.report
                record.response = response
                record.responseSize = result.payload.count
                record.log = log
                record.logTruncated = result.log.count > log.count
            } else {
                record.status = .throttled
                record.errorType = "TooManyRequestsException"
            }
            state.slots[slot] = record
            Self.signal(state)
        }
    }

    // MARK: Reading

    /// Records newest first that pass `filter`, at most `limit`.
    public func records(limit: Int = .max, where filter: (InvocationRecord) -> Bool = { _ in true })
        -> [InvocationRecord]
    {
        let all = state.withLock { state in state.slots.compactMap { $0 } }
        return Array(all.sorted { $0.sequence > $1.sequence }.lazy.filter(filter).prefix(max(0, limit)))
    }

    /// One record by sequence number, while it is still in the ring.
    public func record(_ sequence: UInt64) -> InvocationRecord? {
        state.withLock { state in
            guard let record = state.slots[Int(sequence % UInt64(capacity))], record.sequence == sequence else {
                return nil
            }
            return record
        }
    }

    /// The change counter: every start and end raises it.
    public var version: UInt64 { state.withLock { $0.version } }

    /// Records changed after `version`, oldest change first.
    public func changes(after version: UInt64) -> [InvocationRecord] {
        let changed = state.withLock { state in state.slots.compactMap { $0 }.filter { $0.version > version } }
        return changed.sorted { $0.version < $1.version }
    }

    /// A stream that yields after every change; changes that arrive while the reader is busy collapse into one.
    public func changeSignals() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            let id = state.nextListener
            state.nextListener += 1
            state.listeners[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    private static func signal(_ state: State) {
        for listener in state.listeners.values { listener.yield() }
    }

    /// The first `limit` bytes; the array itself (shared, no copy) when it is short enough.
    static func prefix(_ bytes: [UInt8], _ limit: Int) -> [UInt8] {
        bytes.count <= limit ? bytes : Array(bytes.prefix(limit))
    }

    /// The last `limit` bytes, starting at a line when one begins within them.
    static func suffix(_ bytes: [UInt8], _ limit: Int) -> [UInt8] {
        guard bytes.count > limit else { return bytes }
        let tail = bytes.suffix(limit)
        guard let newline = tail.firstIndex(of: UInt8(ascii: "\n")) else { return Array(tail) }
        return Array(tail[(newline + 1)...])
    }
}
