import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@Suite struct ListingSearchTests {
    static let joblyBackend = "http://boards.test/jobly/en/jobs?search=backend+developer&page=0"
    static let duunitoriDetails = [
        "http://boards.test/duunitori/tyopaikat/xyz", "http://boards.test/duunitori/tyopaikat/abc",
    ]

    func setup(policy: PolitenessPolicy = .fixtures, oversized: Set<String> = []) throws -> ScraperTests.Setup {
        var routes: [String: [PageResponse]] = [
            ScraperTests.duunitoriPage1: [try FixturePages.ok("duunitori_page_1.html")],
            Self.joblyBackend: [try FixturePages.ok("jobly_page_1.html")],
            ScraperTests.joblyPage0: [try FixturePages.ok("jobly_page_empty.html")],
        ]
        for url in Self.duunitoriDetails { routes[url] = [try FixturePages.ok("duunitori_detail_full.html")] }
        routes["http://boards.test/jobly/en/job/backend-developer-2003"] = [
            try FixturePages.ok("jobly_detail_html_only.html")
        ]
        routes["http://boards.test/duunitori/tyopaikat/haku/python-developer?sivu=1"] = [
            try FixturePages.ok("duunitori_page_1.html")
        ]
        return ScraperTests.Setup(routes, policy: policy, oversized: oversized)
    }

    @Test func deepModeOffFetchesNoDetailPages() async throws {
        let setup = try setup()
        let search = ListingSearch(boards: [setup.duunitori, setup.jobly], clock: setup.time)
        let outcome = try await search.run(
            queries: ["backend developer"], boards: [.duunitori, .jobly], deepMode: false)
        #expect(outcome.detailPagesFetched == 0)
        let requests = await setup.fetcher.requests
        #expect(Set(requests) == [ScraperTests.duunitoriPage1, Self.joblyBackend], "\(requests)")
        #expect(outcome.listings.allSatisfy { $0.description.isEmpty })
    }

    @Test func dedupesAcrossBoardsAndQueriesThenReadsEachDetailOncePolitely() async throws {
        let setup = try setup(policy: PolitenessPolicy(delayPerHost: 1, backoffBase: 1))
        let search = ListingSearch(boards: [setup.duunitori, setup.jobly], clock: setup.time)
        let outcome = try await search.run(
            queries: ["backend developer", "python developer"], boards: [.duunitori, .jobly], deepMode: true)
        // Jobly's "Backend Developer" at Example Oy is Duunitori's first card again; the second query repeats page 1.
        #expect(outcome.listings.map(\.title) == ["Backend Developer", "Frontend Developer"])
        #expect(outcome.duplicatesDropped == 3)
        #expect(outcome.detailPagesFetched == 2)
        #expect(outcome.listings.allSatisfy { $0.description.contains("PostgreSQL") })
        let requests = await setup.fetcher.requests
        #expect(requests.filter { Self.duunitoriDetails.contains($0) }.count == 2)
        // boards.test is one host: every request after the first waited its one-second turn.
        #expect(setup.time.sleeps.count == requests.count - 1)
        #expect(setup.time.sleeps.allSatisfy { $0 > .zero && $0 <= .seconds(1) })
    }

    @Test func anOversizedAdIsSkippedWithoutRetries() async throws {
        let oversized = Self.duunitoriDetails[0]
        let setup = try setup(oversized: [oversized])
        let search = ListingSearch(boards: [setup.duunitori, setup.jobly], clock: setup.time)
        let outcome = try await search.run(queries: ["backend developer"], boards: [.duunitori], deepMode: true)
        #expect(!outcome.listings.contains { $0.url == oversized })
        #expect(outcome.listings.contains { $0.url == Self.duunitoriDetails[1] })
        #expect(outcome.problems.contains(.oversized(board: .duunitori, url: oversized, limit: 5_000_000)))
        #expect(await setup.fetcher.requests.filter { $0 == oversized }.count == 1)
    }

    @Test func capsListingsAndTime() async throws {
        let setup = try setup()
        let capped = ListingSearch(
            boards: [setup.duunitori, setup.jobly], limits: ScrapeLimits(maxListings: 1), clock: setup.time)
        let one = try await capped.run(
            queries: ["backend developer", "python developer"], boards: [.duunitori], deepMode: false)
        #expect(one.listings.count == 1)
        #expect(await setup.fetcher.requests == [ScraperTests.duunitoriPage1])

        let late = try await setup.duunitori.search(
            query: "backend developer", limits: ScrapeLimits(), deadline: setup.time.date.addingTimeInterval(-1))
        #expect(late.listings.isEmpty)
        #expect(late.problems == [.timeBudgetSpent(board: .duunitori)])
    }

    @Test func normalisesURLsAndTitles() {
        #expect(
            ListingDeduplicator.normalisedURL("HTTPS://www.Duunitori.fi/tyopaikat/xyz/?utm_source=x&b=2#top")
                == "https://duunitori.fi/tyopaikat/xyz?b=2")
        #expect(
            ListingDeduplicator.titleKey(title: "Backend  Developer", company: "Example Oy")
                == ListingDeduplicator.titleKey(title: "backend developer", company: "EXAMPLE"))
        var deduplicator = ListingDeduplicator()
        let inserted = [
            JobListing(board: .duunitori, title: "A", company: "B Oy", url: "https://duunitori.fi/x"),
            JobListing(board: .jobly, title: "Other", company: "C", url: "https://www.duunitori.fi/x/"),
            JobListing(board: .jobly, title: "a", company: "B", url: "https://jobly.fi/y"),
            JobListing(board: .jobly, title: "A", company: "D", url: "https://jobly.fi/z"),
        ].map { deduplicator.insert($0) }
        #expect(inserted == [true, false, false, true])
    }
}
