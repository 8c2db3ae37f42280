/// A listing with its score (0...100) and the reasons for it.
public struct ScoredListing: Sendable, Hashable, Codable {
    /// The listing.
    public let listing: JobListing
    /// 0...100, higher is a better fit.
    public let score: Int
    /// How the score was reached.
    public let breakdown: ScoreBreakdown

    public init(listing: JobListing, score: Int, breakdown: ScoreBreakdown) {
        self.listing = listing
        self.score = score
        self.breakdown = breakdown
    }
}
