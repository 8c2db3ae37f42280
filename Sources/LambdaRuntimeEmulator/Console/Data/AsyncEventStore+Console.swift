import Foundation

/// A stored event waiting to run (or running), as the console's queue view lists it.
public struct PendingEvent: Sendable, Equatable, Codable {
    public var id: Int64
    public var function: String
    public var requestID: String
    public var payload: String
    /// Attempts started so far.
    public var attempts: Int
    /// An attempt is running now.
    public var inFlight: Bool
    public var enqueuedAt: Date
    /// When the next attempt may start (nil: at once).
    public var nextAttemptAt: Date?
    /// The error document of the last failed attempt.
    public var lastError: String?
}

extension AsyncEventStore {
    /// Every event not yet finished, oldest first.
    public func pendingEvents() async throws -> [PendingEvent] {
        try await perform { database in
            try database.query(
                "SELECT id, function, request_id, payload, attempts, in_flight, enqueued_at, next_attempt_at, "
                    + "last_error FROM pending_events ORDER BY id"
            ).map { row in
                let next = row[7].real ?? 0
                return PendingEvent(
                    id: row[0].integer ?? 0, function: row[1].text ?? "", requestID: row[2].text ?? "",
                    payload: String(decoding: row[3].bytes, as: UTF8.self), attempts: Int(row[4].integer ?? 0),
                    inFlight: row[5].integer == 1, enqueuedAt: Date(timeIntervalSince1970: row[6].real ?? 0),
                    nextAttemptAt: next > 0 ? Date(timeIntervalSince1970: next) : nil,
                    lastError: row[8] == .null ? nil : String(decoding: row[8].bytes, as: UTF8.self))
            }
        }
    }

    /// Deletes a dead letter; false when there is none with `id`.
    public func deleteDeadLetter(id: Int64) async throws -> Bool {
        try await perform { database in
            try database.query("DELETE FROM dead_letters WHERE id = ? RETURNING id", [.integer(id)]).isEmpty == false
        }
    }

    /// Deletes a pending event that is not running; nil when there is none with `id`, false while it runs (its
    /// outcome would be recorded against an event that no longer exists).
    public func deletePendingEvent(id: Int64) async throws -> Bool? {
        try await perform { database in
            guard
                let row = try database.query("SELECT in_flight FROM pending_events WHERE id = ?", [.integer(id)]).first
            else { return nil }
            guard row[0].integer != 1 else { return false }
            try database.query("DELETE FROM pending_events WHERE id = ? AND in_flight = 0", [.integer(id)])
            return true
        }
    }
}
