/// Why a search stopped before its last query, with the counts and the limit that was reached.
public struct SearchStop: Sendable, Hashable, Codable {
    /// The limit that stopped the search.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// It had found as many listings as one job scores (`ScrapeLimits.maxListings`).
        case listingCap = "listing_cap"
        /// Its time for searching ran out (`ScrapeLimits.timeBudget`).
        case timeBudget = "time_budget"
    }

    public var reason: Reason
    /// Queries searched before the stop.
    public var queriesDone: Int
    /// Queries planned.
    public var queriesTotal: Int
    /// The limit reached: listings for `listing_cap`, seconds for `time_budget`.
    public var limit: Int

    public init(reason: Reason, queriesDone: Int, queriesTotal: Int, limit: Int) {
        self.reason = reason
        self.queriesDone = queriesDone
        self.queriesTotal = queriesTotal
        self.limit = limit
    }

    /// The stop in plain words, for the page.
    public var message: String {
        let searched = "The search stopped after \(queriesDone) of its \(queriesTotal) queries"
        switch reason {
        case .listingCap:
            return "\(searched): it had found \(limit) job ads, as many as one search scores."
        case .timeBudget:
            let time = limit >= 120 ? "\(limit / 60) minutes" : "\(limit) seconds"
            return "\(searched): its \(time) for searching ran out."
        }
    }

    enum CodingKeys: String, CodingKey {
        case reason, limit, message
        case queriesDone = "queries_done", queriesTotal = "queries_total"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reason: try container.decode(Reason.self, forKey: .reason),
            queriesDone: try container.decode(Int.self, forKey: .queriesDone),
            queriesTotal: try container.decode(Int.self, forKey: .queriesTotal),
            limit: try container.decode(Int.self, forKey: .limit))
    }

    /// Encodes the fields and the message (the message is derived, so it is not read back).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reason, forKey: .reason)
        try container.encode(queriesDone, forKey: .queriesDone)
        try container.encode(queriesTotal, forKey: .queriesTotal)
        try container.encode(limit, forKey: .limit)
        try container.encode(message, forKey: .message)
    }
}
