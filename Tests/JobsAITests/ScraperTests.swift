import ClockTestSupport
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@Suite struct ScraperTests {
    static let endpoints = BoardEndpoints(duunitori: "http://boards.test/duunitori", jobly: "http://boards.test/jobly/")
    static let duunitoriPage1 = "http://boards.test/duunitori/tyopaikat/haku/backend-developer?sivu=1"
    static let duunitoriPage2 = "http://boards.test/duunitori/tyopaikat/haku/backend-developer?sivu=2"
    static let joblyPage0 = "http://boards.test/jobly/en/jobs?search=python+developer&page=0"
    static let joblyPage1 = "http://boards.test/jobly/en/jobs?search=python+developer&page=1"

    struct Setup {
        let fetcher: FakeFetcher
        let time: ManualWallClock
        let polite: PoliteFetcher
        var duunitori: BoardScraper { .duunitori(endpoints: ScraperTests.endpoints, fetcher: polite, clock: time) }
        var jobly: BoardScraper { .jobly(endpoints: ScraperTests.endpoints, fetcher: polite, clock: time) }

        init(_ routes: [String: [PageResponse]], policy: PolitenessPolicy = .fixtures, oversized: Set<String> = []) {
            fetcher = FakeFetcher(routes, oversized: oversized)
            time = ManualWallClock(secondsSinceEpoch: 1_739_750_400)  // 2025-02-17
            polite = PoliteFetcher(fetcher: fetcher, policy: policy, clock: time)
        }

        func search(_ board: BoardScraper, _ query: String, limits: ScrapeLimits = ScrapeLimits()) async throws
            -> BoardResults
        {
            try await board.search(query: query, limits: limits, deadline: time.date.addingTimeInterval(60))
        }
    }

    @Test func buildsTheReferenceURLs() {
        let real = BoardEndpoints(environment: [:])
        let time = ManualWallClock()
        let polite = PoliteFetcher(fetcher: FakeFetcher([:]), policy: .fixtures, clock: time)
        #expect(
            BoardScraper.duunitori(endpoints: real, fetcher: polite, clock: time).searchURL(
                query: " C# Developer ", page: 1)
                == "https://duunitori.fi/tyopaikat/haku/c%23-developer?sivu=1")
        #expect(
            BoardScraper.jobly(endpoints: real, fetcher: polite, clock: time).searchURL(
                query: "python developer", page: 0)
                == "https://www.jobly.fi/en/jobs?search=python+developer&page=0")
        let local = BoardEndpoints(environment: [
            "DUUNITORI_BASE_URL": "http://127.0.0.1:3002/duunitori/", "JOBLY_BASE_URL": "",
        ])
        #expect(local.duunitori == "http://127.0.0.1:3002/duunitori")
        #expect(local.jobly == "https://www.jobly.fi")
    }

    @Test func duunitoriFixturePageParsesAndAShortPageEndsPagination() async throws {
        let setup = Setup([Self.duunitoriPage1: [try FixturePages.ok("duunitori_page_1.html")]])
        let results = try await setup.search(setup.duunitori, "Backend Developer")
        #expect(results.listings.map(\.title) == ["Backend Developer", "Frontend Developer"])
        #expect(results.listings.map(\.company) == ["Example Oy", "Test Corp"])
        #expect(results.listings.map(\.location) == ["Helsinki", "Espoo"])
        #expect(
            results.listings.map(\.url) == [
                "http://boards.test/duunitori/tyopaikat/xyz", "http://boards.test/duunitori/tyopaikat/abc",
            ])
        #expect(results.listings.first?.published == Date(timeIntervalSince1970: 1_739_232_000))  // 2025-02-11
        #expect(results.listings.allSatisfy { $0.board == .duunitori && $0.query == "Backend Developer" })
        #expect(await setup.fetcher.requests == [Self.duunitoriPage1])
    }

    @Test func duunitoriFollowsNextLinkUntilAnEmptyPage() async throws {
        var withNext = try FixturePages.data("duunitori_page_1.html")
        withNext.append(Data("<link rel=\"next\" href=\"?sivu=2\">".utf8))
        let setup = Setup([
            Self.duunitoriPage1: [PageResponse(status: 200, body: withNext)],
            Self.duunitoriPage2: [try FixturePages.ok("duunitori_page_empty.html")],
        ])
        let results = try await setup.search(setup.duunitori, "backend developer")
        #expect(results.listings.count == 2)
        #expect(results.pagesFetched == 2)
        #expect(await setup.fetcher.requests == [Self.duunitoriPage1, Self.duunitoriPage2])
    }

    @Test func joblyStartsAtPageZeroAndStopsWithoutANextLink() async throws {
        let setup = Setup([
            Self.joblyPage0: [try FixturePages.ok("jobly_page_0.html")],
            Self.joblyPage1: [try FixturePages.ok("jobly_page_1.html")],
        ])
        let results = try await setup.search(setup.jobly, "python developer")
        #expect(results.listings.map(\.title) == ["Python Developer", "Data Engineer", "Backend Developer"])
        #expect(results.listings.map(\.company) == ["Koodi Oy", "Data Ab", "Example Oy"])
        #expect(results.listings.map(\.location) == ["Helsinki", "Espoo", "Helsinki"])
        #expect(results.listings.first?.url == "http://boards.test/jobly/en/job/python-developer-2001")
        #expect(results.listings.first?.publishedText == "12.02.2025")
        #expect(results.listings.first?.published == Date(timeIntervalSince1970: 1_739_318_400))  // 2025-02-12
        #expect(await setup.fetcher.requests == [Self.joblyPage0, Self.joblyPage1])
    }

    @Test func emptyPagesAndErrorsYieldNoListings() async throws {
        let setup = Setup([Self.joblyPage0: [try FixturePages.ok("jobly_page_empty.html")]])
        let empty = try await setup.search(setup.jobly, "python developer")
        #expect(empty.listings.isEmpty)
        #expect(await setup.fetcher.requests == [Self.joblyPage0])
        let missing = try await setup.search(setup.duunitori, "backend developer")
        #expect(missing.listings.isEmpty)
        #expect(missing.problems == [.httpStatus(board: .duunitori, url: Self.duunitoriPage1, status: 404)])
    }

    @Test func retries429WithBackoffHonouringRetryAfter() async throws {
        let setup = Setup(
            [
                Self.joblyPage0: [
                    PageResponse(status: 429, headers: ["Retry-After": "2"], body: Data()),
                    PageResponse(status: 503, body: Data()),
                    try FixturePages.ok("jobly_page_1.html"),
                ]
            ], policy: PolitenessPolicy(delayPerHost: 1, searchAttempts: 3, backoffBase: 1))
        let results = try await setup.search(setup.jobly, "python developer")
        #expect(results.listings.map(\.title) == ["Backend Developer"])
        #expect(await setup.fetcher.requests == [Self.joblyPage0, Self.joblyPage0, Self.joblyPage0])
        // 2 s from Retry-After, then 2 × 1 s for the second attempt; the host delay had passed by then.
        #expect(setup.time.sleeps == [.seconds(2), .seconds(2)])
        #expect(await setup.polite.requestCount == 3)
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        let setup = Setup([Self.joblyPage0: [PageResponse(status: 429, body: Data())]])
        let results = try await setup.search(setup.jobly, "python developer")
        #expect(results.listings.isEmpty)
        #expect(results.problems == [.httpStatus(board: .jobly, url: Self.joblyPage0, status: 429)])
        #expect(await setup.fetcher.requests.count == 3)
    }

    @Test func detailTextKeepsWordsApart() async throws {
        let listing = JobListing(
            board: .duunitori, title: "Backend Developer", company: "Example Oy",
            url: "http://boards.test/duunitori/tyopaikat/xyz")
        let setup = Setup([
            listing.url: [try FixturePages.ok("duunitori_detail_full.html")],
            "http://boards.test/jobly/en/job/data-engineer-2002": [try FixturePages.ok("jobly_detail_html_only.html")],
        ])
        let detailed = try await setup.duunitori.readDetails(of: listing)
        #expect(
            detailed.description.components(separatedBy: "\n") == [
                "Etsimme Backend Developer -osaajaa Helsinkiin.", "Requirements:", "Python", "PostgreSQL", "Docker",
                "5 years of experience.", "Hae viimeistään 28.2.2025.",
            ])
        #expect(!detailed.description.contains("Suosittelee"))
        let jobly = try await setup.jobly.readDetails(
            of: JobListing(
                board: .jobly, title: "Data Engineer", company: "Data Ab",
                url: "http://boards.test/jobly/en/job/data-engineer-2002"))
        #expect(jobly.description == "We need Spark\nand Kafka skills.\nPython\nSQL")
    }

    @Test func jsonLDJobPostingWinsWhenPresent() async throws {
        let url = "http://boards.test/jobly/en/job/python-developer-2001"
        let setup = Setup([url: [try FixturePages.ok("jobly_detail.html")]])
        let detailed = try await setup.jobly.readDetails(
            of: JobListing(board: .jobly, title: "", company: "", url: url))
        #expect(detailed.description == "Join Koodi Oy.\nPython\nFastAPI\nJunior-friendly team.")
        #expect(detailed.title == "Python Developer")
        #expect(detailed.company == "Koodi Oy")
        #expect(detailed.location == "Helsinki")
        #expect(detailed.published != nil)
    }

    @Test func theOriginalDetailFixtureMatchesNoProductionSelector() async throws {
        let url = "http://boards.test/duunitori/tyopaikat/xyz"
        let setup = Setup([url: [try FixturePages.ok("duunitori_detail.html")]])
        let detailed = try await setup.duunitori.readDetails(
            of: JobListing(board: .duunitori, title: "Backend Developer", company: "Example Oy", url: url))
        #expect(detailed.description == "")
    }
}

@Suite struct ScraperConfigurationTests {
    @Test func politenessFollowsWhereTheBoardsAre() {
        let local = BoardEndpoints(environment: [
            "DUUNITORI_BASE_URL": "http://127.0.0.1:3002/duunitori", "JOBLY_BASE_URL": "http://localhost:3002/jobly",
        ])
        #expect(local.areLocal)
        #expect(PolitenessPolicy.forEndpoints(local, environment: [:]).delayPerHost == 0)
        let live = BoardEndpoints(environment: [:])
        #expect(!live.areLocal)
        #expect(PolitenessPolicy.forEndpoints(live, environment: [:]).delayPerHost == 1)
        #expect(PolitenessPolicy.forEndpoints(live, environment: ["SCRAPE_DELAY_SECONDS": "2.5"]).delayPerHost == 2.5)
        let time = ManualWallClock()
        let boards = BoardScraper.allBoards(environment: [:], fetcher: FakeFetcher([:]), clock: time)
        #expect(boards.map(\.name) == [.duunitori, .jobly])
    }
}
