#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Step 4: every listing scored against the profile, best first, with its breakdown.
enum ScoringStep {
    /// Listings scored between two progress updates.
    static let chunk = 50

    static func run(
        _ listings: [JobListing], profile: Profile, now: Date, progress: any PipelineProgress
    ) async throws -> [ScoredListing] {
        let scorer = ListingScorer(profile: profile, now: now)
        var scored: [(offset: Int, scored: ScoredListing)] = []
        scored.reserveCapacity(listings.count)
        for start in stride(from: 0, to: listings.count, by: chunk) {
            try Task.checkCancellation()
            let end = min(start + chunk, listings.count)
            for index in start..<end { scored.append((index, scorer.score(listings[index]))) }
            await progress.update { $0.listingsScored = end }
        }
        return scored.sorted {
            $0.scored.score != $1.scored.score ? $0.scored.score > $1.scored.score : $0.offset < $1.offset
        }.map(\.scored)
    }
}
