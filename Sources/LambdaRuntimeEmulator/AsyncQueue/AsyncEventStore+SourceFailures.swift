import Foundation
import SQLiteSupport

extension AsyncEventStore {
    /// Records a dead letter that never was a queued event: a stream batch an event source mapping gave up, or a
    /// bucket event whose function no longer exists. `payload` is the invocation payload (a replay invokes the
    /// function with it again); `batchInfo` is Lambda's failure record for a stream batch.
    public func addDeadLetter(
        function: String, requestID: String, payload: [UInt8], error: [UInt8], attempts: Int, condition: String,
        batchInfo: String? = nil, at date: Date = Date()
    ) async throws {
        try await perform { database in
            try database.query(
                "INSERT INTO dead_letters(function, request_id, payload, error, attempts, failed_at, condition, "
                    + "batch_info) VALUES (?,?,?,?,?,?,?,?)",
                [
                    .text(function), .text(requestID), .blob(payload), .blob(error), .integer(Int64(attempts)),
                    .real(date.timeIntervalSince1970), .text(condition), batchInfo.map { .text($0) } ?? .null,
                ])
        }
    }
}
