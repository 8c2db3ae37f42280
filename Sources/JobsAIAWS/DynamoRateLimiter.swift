import AWSClients
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The limiter over the jobs table: item `job_id = "rate_limit#<ip>"`, one counter attribute per window
/// (`count_<window start>`), bumped by ONE conditional UpdateItem per request, so concurrent requests can
/// never both take the last slot. The previous window's counter is removed in the same write; `ttl` lets
/// DynamoDB drop the item once its window is over.
public struct DynamoRateLimiter: RateLimiting {
    let client: DynamoDBClient
    let table: String
    let window: RateLimitWindow

    public init(client: DynamoDBClient, table: String, window: RateLimitWindow) {
        self.client = client
        self.table = table
        self.window = window
    }

    /// The item's key for a client address.
    public static func key(for clientIP: String) -> String { "rate_limit#\(clientIP)" }

    public func admit(_ clientIP: String, at now: Date) async -> RateLimitOutcome {
        let start = window.start(at: now)
        let update = AWSClients.Expression(
            "SET #count = if_not_exists(#count, :zero) + :one, #ttl = :ttl REMOVE #previous",
            names: ["#count": "count_\(start)", "#previous": "count_\(start - window.seconds)", "#ttl": "ttl"],
            values: [
                ":zero": .number(0), ":one": .number(1), ":limit": .number(window.limit),
                ":ttl": .number(start + window.seconds + 300),
            ])
        do {
            let item = try await client.updateItem(
                table: table, key: ["job_id": .string(Self.key(for: clientIP))], update: update,
                condition: "attribute_not_exists(#count) OR #count < :limit", returnValues: .updatedNew)
            let count = item?["count_\(start)"]?.intValue ?? window.limit
            return .decided(window.decision(count: count, allowed: true, windowStart: start))
        } catch {
            if case .conditionalCheckFailed = error {
                return .decided(window.decision(count: window.limit, allowed: false, windowStart: start))
            }
            return .failedOpen(reason: error.description)
        }
    }
}
