import Foundation
import JobsAI

/// The labelled evaluation set under `Fixtures/ranking`: candidate payloads and listings with relevance
/// labels (2 top-5 material, 1 acceptable, 0 irrelevant), and the measures computed over it.
enum RankingEvaluation {
    /// One labelled listing.
    struct Listing: Decodable {
        let id: Int
        let slug: String
        let board: String
        let title: String
        let company: String
        let location: String
        let ageDays: Int
        let description: String
        let relevance: [String: Int]

        enum CodingKeys: String, CodingKey {
            case id, slug, board, title, company, location, description, relevance
            case ageDays = "age_days"
        }
    }

    private struct ListingFile: Decodable { let listings: [Listing] }

    /// The measures for one candidate.
    struct Result {
        let candidate: String
        let queries: [SearchQuery]
        let fetched: Int
        let precision: Double
        let ndcg: Double
        let titleOnlyPrecision: Double
        let titleOnlyNDCG: Double
        let baselinePrecision: Double
        let baselineNDCG: Double
        let top: [(title: String, location: String, score: Int, label: Int)]
        let titleOnlyTop: [(title: String, location: String, score: Int, label: Int)]
    }

    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/ranking")

    static func listings() throws -> [Listing] {
        let data = try Data(contentsOf: directory.appendingPathComponent("listings.json"))
        return try JSONDecoder().decode(ListingFile.self, from: data).listings
    }

    static func candidateNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("candidates").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func profile(_ candidate: String) throws -> Profile {
        let url = directory.appendingPathComponent("candidates/\(candidate).json")
        return Profile(answers: try Answers.decode(from: try Data(contentsOf: url)))
    }

    /// The payload's technology keys as the original flattened them (every slider above 0, in order).
    static func originalTechs(_ candidate: String) throws -> [String] {
        let url = directory.appendingPathComponent("candidates/\(candidate).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        var keys: [String] = []
        let pattern = try NSRegularExpression(pattern: #"\{"([a-z0-9-]+)": ([1-7])\}"#)
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            if let range = Range(match.range(at: 1), in: text) { keys.append(String(text[range])) }
        }
        return keys
    }

    /// What a board search returns: listings containing every word of a query (title, company, location,
    /// text), as the fixture boards search.
    static func search(_ queries: [SearchQuery], in listings: [Listing]) -> [Listing] {
        listings.filter { listing in
            let text = [listing.title, listing.company, listing.location, listing.description].joined(separator: " ")
                .lowercased()
            return queries.contains { query in
                query.text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
                    .allSatisfy { text.contains($0) }
            }
        }
    }

    static func jobListing(_ listing: Listing, deep: Bool) -> JobListing {
        JobListing(
            board: listing.board == "jobly" ? .jobly : .duunitori, title: listing.title, company: listing.company,
            location: listing.location, url: "https://boards.test/\(listing.slug)",
            published: now.addingTimeInterval(-Double(listing.ageDays) * 86_400),
            description: deep ? listing.description : "")
    }

    /// The original's scorer: the share of the person's keys found as substrings, stable sort.
    static func originalRank(_ listings: [Listing], techs: [String]) -> [Listing] {
        let scored = listings.enumerated().map { offset, listing in
            let text = (listing.title + " None " + listing.description).lowercased()
            let matched = techs.filter { text.contains($0.lowercased()) }.count
            return (offset, matched * 100 / max(1, techs.count), listing)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.2)
    }

    static func precisionAt5(_ labels: [Int]) -> Double {
        Double(labels.prefix(5).filter { $0 > 0 }.count) / 5
    }

    /// nDCG@5 with gains 2^label - 1, against the best five labels of the whole set.
    static func ndcgAt5(_ labels: [Int], ideal: [Int]) -> Double {
        func dcg(_ values: [Int]) -> Double {
            values.prefix(5).enumerated().reduce(0) { sum, item in
                sum + (pow(2, Double(item.element)) - 1) / log2(Double(item.offset) + 2)
            }
        }
        let best = dcg(ideal.sorted(by: >))
        return best == 0 ? 0 : dcg(labels) / best
    }

    static func evaluate(_ candidate: String) throws -> (Result, [ScoredListing]) {
        let all = try listings()
        let profile = try profile(candidate)
        let queries = QueryBuilder().queries(for: profile)
        let fetched = search(queries, in: all)
        let label = Dictionary(all.map { ("https://boards.test/\($0.slug)", $0.relevance[candidate] ?? 0) }) { $1 }
        let scorer = ListingScorer(profile: profile, now: now)
        let deep = scorer.rank(fetched.map { jobListing($0, deep: true) })
        let light = scorer.rank(fetched.map { jobListing($0, deep: false) })
        let deepLabels = deep.map { label[$0.listing.url] ?? 0 }
        let lightLabels = light.map { label[$0.listing.url] ?? 0 }
        let baseline = originalRank(fetched, techs: try originalTechs(candidate)).map { $0.relevance[candidate] ?? 0 }
        let ideal = all.map { $0.relevance[candidate] ?? 0 }
        let result = Result(
            candidate: candidate, queries: queries, fetched: fetched.count, precision: precisionAt5(deepLabels),
            ndcg: ndcgAt5(deepLabels, ideal: ideal), titleOnlyPrecision: precisionAt5(lightLabels),
            titleOnlyNDCG: ndcgAt5(lightLabels, ideal: ideal), baselinePrecision: precisionAt5(baseline),
            baselineNDCG: ndcgAt5(baseline, ideal: ideal),
            top: deep.prefix(5).map { ($0.listing.title, $0.listing.location, $0.score, label[$0.listing.url] ?? 0) },
            titleOnlyTop: light.prefix(5).map {
                ($0.listing.title, $0.listing.location, $0.score, label[$0.listing.url] ?? 0)
            })
        return (result, deep)
    }
}
