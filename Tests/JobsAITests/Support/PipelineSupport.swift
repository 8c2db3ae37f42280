import ClockTestSupport
import FixtureBoards
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport

/// Fetches pages from an in-process `FixtureBoardsSite` (no sockets): `http://boards.test/...` → the site.
struct SiteFetcher: PageFetcher {
    static let root = "http://boards.test"
    static let endpoints = BoardEndpoints(duunitori: root + "/duunitori", jobly: root + "/jobly")
    let site: FixtureBoardsSite

    func fetch(_ request: PageRequest) async throws -> PageResponse {
        guard request.url.hasPrefix(Self.root) else { return PageResponse(status: 404, body: Data()) }
        let answer = await site.respond(method: "GET", target: String(request.url.dropFirst(Self.root.count)))
        return PageResponse(status: answer.status, headers: answer.headers, body: Data(answer.body.utf8))
    }
}

enum PipelineFixtures {
    static let corpus = FixtureCorpus(size: 600, today: Date(timeIntervalSince1970: 1_764_158_400))

    /// The default answers of the questionnaire with a Python/web profile, `letters` letters.
    static func payload(
        letters: Int = 10, boards: [String] = ["Duunitori", "Jobly"], deep: String = "Yes",
        styles: [String] = ["Professional"], withAboutYou: Bool = true
    ) -> PayloadValue {
        let boardList = boards.map { "\"\($0)\"" }.joined(separator: ",")
        let styleList = styles.map { "\"\($0)\"" }.joined(separator: ",")
        let about =
            withAboutYou
            ? #","about-you":[{"name":"Aino Virtanen"},{"email":"aino@example.com"},{"city":"Tampere"}]"# : ""
        let json = """
            {"general":[{"job-level":["Expert-level","Intermediate"]},{"job-boards":[\(boardList)]},\
            {"deep-mode":"\(deep)"},{"cover-letter-num":\(letters)},{"cover-letter-style":[\(styleList)]}],\
            "languages":[{"python":7},{"javascript":5},{"sql":6},{"typescript":4}],\
            "web-frameworks":[{"django":5},{"react":4}],"databases":[{"postgresql":6}],\
            "cloud-development":[{"docker":5},{"amazon-web-services-aws":3}],\
            "additional-info":[{"additional-info":"I build reliable web services. I enjoy mentoring and clean code."}]\
            \(about)}
            """
        // The payload is fixed text; a decoding failure is a bug in this file.
        return try! JSONDecoder().decode(PayloadValue.self, from: Data(json.utf8))
    }

    /// What step 2 understood of `payload()`'s answers (a description with roles and places), with its queries.
    static func summary() throws -> ProfileSummary {
        let description = "I want backend roles in Helsinki or remote. No sales, please."
        var answers = try Answers.decode(from: JSONEncoder().encode(payload()))
        answers.personalDescription = description
        let profile = Profile(answers: answers)
        return ProfileSummary(profile: profile, queries: QueryBuilder().queries(for: profile))
    }

    /// A listing scored against `payload()`'s profile, explained.
    static func explanation(now: Date = Date(timeIntervalSince1970: 1_764_158_400)) throws -> ScoreExplanation {
        let profile = Profile(answers: try Answers.decode(from: JSONEncoder().encode(payload())))
        let listing = JobListing(
            board: .jobly, title: "Senior Python Developer", company: "Koodi Oy", location: "Helsinki",
            url: "https://example.com/1", description: "Python, Django and Kubernetes. Rust is a plus.")
        return ScoreExplanation(ListingScorer(profile: profile, now: now).score(listing))
    }

    static func record(_ id: String, now: Date, deadline: Double = 900) -> JobRecord {
        JobRecord(
            jobID: id, createdAt: now, deadlineAt: now.addingTimeInterval(deadline),
            expiresAt: now.addingTimeInterval(86_400))
    }

    static func boards(site: FixtureBoardsSite, time: ManualWallClock) -> [any JobBoard] {
        let polite = PoliteFetcher(fetcher: SiteFetcher(site: site), policy: .fixtures, clock: time)
        return [
            BoardScraper.duunitori(endpoints: SiteFetcher.endpoints, fetcher: polite, clock: time),
            BoardScraper.jobly(endpoints: SiteFetcher.endpoints, fetcher: polite, clock: time),
        ]
    }
}
