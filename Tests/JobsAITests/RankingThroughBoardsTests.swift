import ClockTestSupport
import FixtureBoards
import Foundation
import JobsAI
import JobsAILive
import JobsAITestSupport
import Testing

/// The evaluation set served by the fixture boards and read back by the real scrapers (results pages,
/// detail pages in deep mode), then scored: the same measure as `RankingEvaluationTests`, through the
/// HTML both boards write.
@Suite struct RankingThroughBoardsTests {
    static func rank(_ candidate: String, deep: Bool) async throws -> [Int] {
        let corpus = try FixtureCorpus(directory: RankingEvaluation.directory, today: RankingEvaluation.now)
        let site = FixtureBoardsSite(corpus: corpus, fixtures: nil)
        let time = ManualWallClock(secondsSinceEpoch: RankingEvaluation.now.timeIntervalSince1970)
        let search = ListingSearch(boards: PipelineFixtures.boards(site: site, time: time), clock: time)
        let profile = try RankingEvaluation.profile(candidate)
        let queries = QueryBuilder().queries(for: profile).map(\.text)
        let outcome = try await search.run(queries: queries, boards: [.duunitori, .jobly], deepMode: deep)
        let labels = Dictionary(
            try RankingEvaluation.listings().map { ($0.slug, $0.relevance[candidate] ?? 0) }, uniquingKeysWith: { $1 })
        let ranked = ListingScorer(profile: profile, now: RankingEvaluation.now).rank(outcome.listings)
        return ranked.map { labels[String($0.listing.url.split(separator: "/").last ?? "")] ?? 0 }
    }

    @Test func everyCandidateReachesPrecisionAtFiveThroughTheBoards() async throws {
        for candidate in try RankingEvaluation.candidateNames() {
            let deep = try await Self.rank(candidate, deep: true)
            let light = try await Self.rank(candidate, deep: false)
            #expect(RankingEvaluation.precisionAt5(deep) >= 0.9, "\(candidate): \(deep.prefix(10))")
            #expect(RankingEvaluation.precisionAt5(deep) >= RankingEvaluation.precisionAt5(light), "\(candidate)")
        }
    }
}
