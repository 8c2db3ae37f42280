import ClockTestSupport
import CurlHTTP
import FixtureBoards
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Logging
import Testing

/// Both scrapers against the fixture boards over real HTTP (libcurl to Hummingbird on port 0).
@Suite struct FixtureBoardsScrapingTests {
    final class Boards: Sendable {
        let site = FixtureBoardsSite(corpus: PipelineFixtures.corpus, fixtures: FixturePages.folder)
        let port: Int
        let task: Task<Void, Never>
        let time = ManualWallClock(secondsSinceEpoch: 1_764_158_400)
        let polite: PoliteFetcher

        init() async throws {
            let server = FixtureBoardsServer(site: site, port: 0)
            let (ready, announce) = AsyncStream<Int>.makeStream()
            var logger = Logger(label: "boards")
            logger.logLevel = .warning
            let quiet = logger
            task = Task {
                try? await server.run(logger: quiet) { announce.yield($0) }
                announce.finish()
            }
            var bound = 0
            for await port in ready {
                bound = port
                break
            }
            port = bound
            polite = PoliteFetcher(
                fetcher: CurlPageFetcher(client: try HTTPClient(), timeout: .seconds(60)),
                policy: PolitenessPolicy(delayPerHost: 0), clock: time)
        }

        deinit { task.cancel() }

        var endpoints: BoardEndpoints {
            BoardEndpoints(duunitori: "http://127.0.0.1:\(port)/duunitori", jobly: "http://127.0.0.1:\(port)/jobly")
        }
        var duunitori: BoardScraper { .duunitori(endpoints: endpoints, fetcher: polite, clock: time) }
        var jobly: BoardScraper { .jobly(endpoints: endpoints, fetcher: polite, clock: time) }

        func search(_ board: BoardScraper, _ query: String) async throws -> BoardResults {
            try await board.search(
                query: query, limits: ScrapeLimits(maxPagesPerQuery: 10, maxListingsPerQuery: 500),
                deadline: time.date.addingTimeInterval(60))
        }
    }

    @Test func duunitoriPaginatesFromPageOneUntilTheLastPage() async throws {
        let boards = try await Boards()
        let expected = PipelineFixtures.corpus.search("backend developer", board: .duunitori)
        #expect(expected.count > 40 && expected.count <= 200)
        let results = try await boards.search(boards.duunitori, "Backend Developer")
        #expect(results.listings.map(\.title) == expected.map(\.title))
        #expect(results.pagesFetched == (expected.count + 19) / 20)
        #expect(results.problems.isEmpty)
        let first = try #require(results.listings.first)
        #expect(first.url.hasPrefix("http://127.0.0.1:\(boards.port)/duunitori/tyopaikat/tyo/"))
        #expect(first.published != nil && !first.company.isEmpty && !first.location.isEmpty)
    }

    @Test func joblyStartsAtPageZeroAndStopsAtTheLastPage() async throws {
        let boards = try await Boards()
        let expected = PipelineFixtures.corpus.search("senior developer", board: .jobly)
        let results = try await boards.search(boards.jobly, "senior developer")
        #expect(results.listings.map(\.url).count == expected.count)
        #expect(Set(results.listings.map(\.title)) == Set(expected.map(\.title)))
        #expect(results.pagesFetched == (expected.count + 19) / 20)
        #expect(results.listings.allSatisfy { $0.title.hasPrefix("Senior") || $0.title.contains("Senior") })
    }

    @Test func anEmptyResultPageEndsTheSearch() async throws {
        let boards = try await Boards()
        for board in [boards.duunitori, boards.jobly] {
            let results = try await boards.search(board, "cobol mainframe astronaut")
            #expect(results.listings.isEmpty)
            #expect(results.pagesFetched == 1)
            #expect(results.problems.isEmpty)
        }
    }

    @Test func the429SwitchIsRetriedHonouringRetryAfter() async throws {
        let boards = try await Boards()
        await boards.site.controls.throttle(next: 2, retryAfter: 3)
        let results = try await boards.search(boards.jobly, "python developer")
        #expect(!results.listings.isEmpty)
        #expect(results.problems.isEmpty)
        #expect(boards.time.sleeps == [.seconds(3), .seconds(3)])
        #expect(await boards.site.controls.counts["throttled"] == 2)
    }

    @Test func deepModeOffReadsNoDetailPagesAndDeepModeKeepsWordsApart() async throws {
        let boards = try await Boards()
        let search = ListingSearch(
            boards: [boards.duunitori, boards.jobly], limits: ScrapeLimits(maxPagesPerQuery: 1, maxListings: 30),
            clock: boards.time)
        let light = try await search.run(queries: ["python developer"], boards: [.duunitori, .jobly], deepMode: false)
        #expect(!light.listings.isEmpty && light.detailPagesFetched == 0)
        var counts = await boards.site.controls.counts
        #expect(counts["duunitori_detail"] == nil && counts["jobly_detail"] == nil)

        let deep = try await search.run(queries: ["python developer"], boards: [.duunitori, .jobly], deepMode: true)
        counts = await boards.site.controls.counts
        #expect(deep.detailPagesFetched == deep.listings.count)
        #expect((counts["duunitori_detail"] ?? 0) + (counts["jobly_detail"] ?? 0) == deep.listings.count)
        for listing in deep.listings {
            let lines = listing.description.components(separatedBy: "\n")
            #expect(lines.contains("Requirements:") || lines.contains("Odotamme sinulta:"), "\(listing.description)")
            #expect(!listing.description.contains("Duunitori suosittelee"))
            #expect(!listing.description.contains(".Requirements") && !listing.description.contains(":Solid"))
        }
        // A duplicate posted on both boards is kept once.
        #expect(Set(deep.listings.map { "\($0.title)@\($0.company)" }).count == deep.listings.count)
    }

    @Test func theReferenceFixturePagesAreServedAsIs() async throws {
        let boards = try await Boards()
        let answer = await boards.site.respond(method: "GET", target: "/duunitori/fixtures/duunitori_page_1.html")
        #expect(answer.status == 200)
        #expect(answer.body == String(decoding: try FixturePages.data("duunitori_page_1.html"), as: UTF8.self))
        #expect(await boards.site.respond(method: "GET", target: "/jobly/fixtures/../Package.swift").status == 404)
    }
}
