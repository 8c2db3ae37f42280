#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Something that went wrong while scraping, kept in the outcome instead of failing the whole search.
public enum ScrapeProblem: Sendable, Hashable {
    /// The board answered with a status other than 200.
    case httpStatus(board: JobBoardName, url: String, status: Int)
    /// No answer at all (after retries).
    case transport(board: JobBoardName, url: String, message: String)
    /// The page looks like a captcha or block page.
    case blocked(board: JobBoardName, url: String)
    /// The page could not be parsed, for `reason`.
    case unparseable(board: JobBoardName, url: String, reason: String)
    /// The search's time budget ran out before this board was done.
    case timeBudgetSpent(board: JobBoardName)
    /// The page was larger than a page may be (`limit` bytes, decompressed); its listing is skipped.
    case oversized(board: JobBoardName, url: String, limit: Int)
}

/// What one board returned for one query.
public struct BoardResults: Sendable {
    /// Listings in page order, without descriptions.
    public var listings: [JobListing]
    /// Results pages requested.
    public var pagesFetched: Int
    /// What went wrong, if anything.
    public var problems: [ScrapeProblem]

    public init(listings: [JobListing], pagesFetched: Int, problems: [ScrapeProblem]) {
        self.listings = listings
        self.pagesFetched = pagesFetched
        self.problems = problems
    }
}

/// Why a detail page gave nothing.
public enum DetailError: Error, Sendable, Equatable {
    /// The page answered with a status other than 200.
    case httpStatus(Int)
    /// The page could not be parsed, for `reason`.
    case unparseable(reason: String)
    /// The page was over `limit` bytes (decompressed), so it was not read; the listing is skipped.
    case tooLarge(limit: Int)
}

/// Limits that keep one search inside a Lambda invocation and polite to the boards.
public struct ScrapeLimits: Sendable, Hashable {
    /// Results pages per query and board.
    public var maxPagesPerQuery: Int
    /// Listings per query and board.
    public var maxListingsPerQuery: Int
    /// Listings in all (after de-duplication).
    public var maxListings: Int
    /// Detail pages in all (deep mode).
    public var maxDetailPages: Int
    /// Seconds the whole search may take.
    public var timeBudget: Double

    public init(
        maxPagesPerQuery: Int = 5, maxListingsPerQuery: Int = 60, maxListings: Int = 200, maxDetailPages: Int = 120,
        timeBudget: Double = 480
    ) {
        self.maxPagesPerQuery = maxPagesPerQuery
        self.maxListingsPerQuery = maxListingsPerQuery
        self.maxListings = maxListings
        self.maxDetailPages = maxDetailPages
        self.timeBudget = timeBudget
    }
}

/// A job board the pipeline can search.
public protocol JobBoard: Sendable {
    /// Which board this is.
    var name: JobBoardName { get }
    /// Listings from the results pages for one query, page by page until the results end or a limit.
    func search(query: String, limits: ScrapeLimits, deadline: Date) async throws -> BoardResults
    /// The listing with the ad's text (and any JSON-LD fields) filled in from its own page.
    func readDetails(of listing: JobListing) async throws -> JobListing
}
