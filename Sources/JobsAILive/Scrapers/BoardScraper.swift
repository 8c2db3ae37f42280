import BuildingBlocks
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `JobBoard` that scrapes a board's HTML through a `PoliteFetcher`.
public struct BoardScraper: JobBoard {
    private let markup: any BoardMarkup
    private let fetcher: PoliteFetcher
    private let clock: any WallClock

    init(markup: any BoardMarkup, fetcher: PoliteFetcher, clock: any WallClock) {
        self.markup = markup
        self.fetcher = fetcher
        self.clock = clock
    }

    /// Duunitori at the given root.
    public static func duunitori(endpoints: BoardEndpoints, fetcher: PoliteFetcher, clock: any WallClock)
        -> BoardScraper
    {
        BoardScraper(markup: DuunitoriMarkup(baseURL: endpoints.duunitori), fetcher: fetcher, clock: clock)
    }

    /// Jobly at the given root.
    public static func jobly(endpoints: BoardEndpoints, fetcher: PoliteFetcher, clock: any WallClock) -> BoardScraper {
        BoardScraper(markup: JoblyMarkup(baseURL: endpoints.jobly), fetcher: fetcher, clock: clock)
    }

    public var name: JobBoardName { markup.name }

    /// The URL of one results page (for logs and tests).
    public func searchURL(query: String, page: Int) -> String { markup.searchURL(query: query, page: page) }

    public func search(query: String, limits: ScrapeLimits, deadline: Date) async throws -> BoardResults {
        var results = BoardResults(listings: [], pagesFetched: 0, problems: [])
        var page = markup.firstPage
        while results.pagesFetched < limits.maxPagesPerQuery {
            try Task.checkCancellation()
            guard clock.date < deadline else {
                results.problems.append(.timeBudgetSpent(board: name))
                break
            }
            let url = markup.searchURL(query: query, page: page)
            let response: PageResponse
            do {
                response = try await fetcher.fetch(
                    PageRequest(url: url, headers: markup.headers), attempts: fetcher.policy.searchAttempts)
            } catch is CancellationError {
                throw CancellationError()
            } catch PageFetchError.tooLarge(let limit) {
                results.problems.append(.oversized(board: name, url: url, limit: limit))
                break
            } catch {
                results.problems.append(.transport(board: name, url: url, message: String(describing: error)))
                break
            }
            results.pagesFetched += 1
            guard response.status == 200 else {
                results.problems.append(.httpStatus(board: name, url: url, status: response.status))
                break
            }
            let parsed: ResultsPage
            do {
                parsed = try markup.parseResults([UInt8](response.body), pageURL: url, query: query, now: clock.date)
            } catch {
                results.problems.append(.unparseable(board: name, url: url, reason: error.description))
                break
            }
            if parsed.looksBlocked && parsed.cards.isEmpty { results.problems.append(.blocked(board: name, url: url)) }
            let usable = parsed.cards.filter { !$0.url.isEmpty && !$0.title.isEmpty }
            results.listings += usable.prefix(limits.maxListingsPerQuery - results.listings.count)
            guard !parsed.cards.isEmpty, results.listings.count < limits.maxListingsPerQuery,
                parsed.hasNextPage ?? (parsed.cards.count >= markup.pageSize)
            else { break }
            page += 1
        }
        return results
    }

    public func readDetails(of listing: JobListing) async throws -> JobListing {
        let response: PageResponse
        do {
            response = try await fetcher.fetch(
                PageRequest(url: listing.url, headers: markup.headers), attempts: fetcher.policy.detailAttempts)
        } catch PageFetchError.tooLarge(let limit) {
            throw DetailError.tooLarge(limit: limit)
        }
        guard response.status == 200 else { throw DetailError.httpStatus(response.status) }
        let detail: DetailPage
        do {
            detail = try markup.parseDetail([UInt8](response.body), url: listing.url, now: clock.date)
        } catch {
            throw DetailError.unparseable(reason: error.description)
        }
        var filled = listing
        filled.description = detail.description
        if filled.title.isEmpty, let title = detail.title { filled.title = title }
        if filled.company.isEmpty, let company = detail.company { filled.company = company }
        if filled.location.isEmpty, let location = detail.location { filled.location = location }
        if filled.published == nil, let published = detail.published { filled.published = published }
        return filled
    }
}
