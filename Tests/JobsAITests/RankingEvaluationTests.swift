import Foundation
import JobsAI
import Testing

/// Runs profile → queries → board search → scoring over `Fixtures/ranking` and measures precision@5 and
/// nDCG@5 per candidate, beside the original's substring scorer on the same fetched listings. When
/// `JOBSAI_RANKING_OUT` names a file, the measures are written there as JSON (for `bench/ranking.py`).
@Suite struct RankingEvaluationTests {
    @Test func theSetIsBigEnoughAndLabelled() throws {
        let listings = try RankingEvaluation.listings()
        let candidates = try RankingEvaluation.candidateNames()
        #expect(listings.count >= 120)
        #expect(candidates.count >= 3)
        #expect(Set(listings.map(\.slug)).count == listings.count)
        for candidate in candidates {
            #expect(listings.filter { $0.relevance[candidate] == 2 }.count >= 5, "\(candidate)")
        }
    }

    @Test func everyCandidateGetsRelevantJobsInTheTopFive() throws {
        var report: [[String: Any]] = []
        for candidate in try RankingEvaluation.candidateNames() {
            let (result, _) = try RankingEvaluation.evaluate(candidate)
            let top = result.top.map { "\($0.label) \($0.score) \($0.title) (\($0.location))" }
            #expect(
                result.precision >= 0.9, "\(candidate): \(top) \(result.queries.map(\.text)) fetched \(result.fetched)")
            // Reading the ads' text never makes the ranking worse than their titles alone.
            #expect(result.ndcg >= result.titleOnlyNDCG - 1e-9, "\(candidate)")
            #expect(result.precision >= result.titleOnlyPrecision, "\(candidate)")
            #expect(result.precision >= result.baselinePrecision, "\(candidate)")
            report.append([
                "candidate": candidate, "fetched": result.fetched, "queries": result.queries.map(\.text),
                "precision_at_5": result.precision, "ndcg_at_5": result.ndcg,
                "title_only_precision_at_5": result.titleOnlyPrecision, "title_only_ndcg_at_5": result.titleOnlyNDCG,
                "baseline_precision_at_5": result.baselinePrecision, "baseline_ndcg_at_5": result.baselineNDCG,
                "top_5": top, "title_only_top_5": result.titleOnlyTop.map { "\($0.label) \($0.score) \($0.title)" },
            ])
        }
        if let path = ProcessInfo.processInfo.environment["JOBSAI_RANKING_OUT"] {
            let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: URL(fileURLWithPath: path))
        }
    }

    @Test func anExcludedFamilyNeverReachesTheTopFiveWhenOthersMatch() throws {
        for candidate in try RankingEvaluation.candidateNames() {
            let (_, ranked) = try RankingEvaluation.evaluate(candidate)
            let excluded = ranked.filter { $0.breakdown.exclusionPenalty >= 0.25 }
            let others = ranked.filter { $0.breakdown.exclusionPenalty == 0 && !$0.breakdown.matched.isEmpty }
            guard others.count >= 5 else { continue }
            for listing in ranked.prefix(5) {
                #expect(!excluded.contains(listing), "\(candidate): \(listing.listing.title)")
            }
        }
    }

    @Test func aRefusedMoveKeepsOtherCitiesBelowLocalAndRemoteMatches() throws {
        for candidate in try RankingEvaluation.candidateNames() {
            let profile = try RankingEvaluation.profile(candidate)
            guard profile.preferences.relocation == .refused else { continue }
            let (_, ranked) = try RankingEvaluation.evaluate(candidate)
            let positions = Dictionary(ranked.enumerated().map { ($0.element.listing.url, $0.offset) }) { $1 }
            let away = ranked.filter { $0.breakdown.relocationPenalty > 0 }
            let local = ranked.filter {
                $0.breakdown.locationFit == 1 && $0.breakdown.exclusionPenalty == 0 && ($0.breakdown.roleFit ?? 1) >= 1
                    && !$0.breakdown.matched.isEmpty
            }
            #expect(!away.isEmpty && !local.isEmpty, "\(candidate)")
            for job in away {
                for match in local {
                    #expect(
                        positions[match.listing.url, default: 0] < positions[job.listing.url, default: 0],
                        "\(candidate): \(match.listing.title) vs \(job.listing.title)")
                }
            }
        }
    }
}
