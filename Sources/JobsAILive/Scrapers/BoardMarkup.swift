import BuildingBlocks
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a results page yielded.
struct ResultsPage {
    /// One partial listing per card (no description yet).
    var cards: [JobListing]
    /// Whether the page says there is a next page (nil when the board shows no such marker).
    var hasNextPage: Bool?
    /// Whether the page looks like a bot wall (captcha, "access denied").
    var looksBlocked: Bool
}

/// What a detail page yielded; JSON-LD `JobPosting` fields win over the HTML when present.
public struct DetailPage: Sendable, Hashable {
    /// The ad's text, lines kept.
    public var description: String
    /// Title from JSON-LD.
    public var title: String?
    /// Company from JSON-LD.
    public var company: String?
    /// Location from JSON-LD.
    public var location: String?
    /// Publication date from JSON-LD.
    public var published: Date?
}

/// The markup rules of one job board: where results live, how pages are numbered, what is where.
protocol BoardMarkup: Sendable {
    var name: JobBoardName { get }
    /// The site's root, e.g. `https://duunitori.fi`.
    var baseURL: String { get }
    /// The number of the first results page (Duunitori 1, Jobly 0).
    var firstPage: Int { get }
    /// A full results page holds this many cards.
    var pageSize: Int { get }
    /// Headers a browser would send.
    var headers: [HeaderField] { get }
    /// The URL of one results page.
    func searchURL(query: String, page: Int) -> String
    /// Cards and pagination of a results page.
    func parseResults(_ body: [UInt8], pageURL: String, query: String, now: Date) throws(HTMLParseError) -> ResultsPage
    /// The ad text of a detail page.
    func parseDetail(_ body: [UInt8], url: String, now: Date) throws(HTMLParseError) -> DetailPage
}

extension BoardMarkup {
    /// Resolves a card's link against the board's root. A root-relative link keeps the root's own path,
    /// so a board served under a prefix (fixture boards: `http://127.0.0.1:3002/jobly`) stays under it.
    func absoluteURL(_ href: String) -> String {
        guard !href.isEmpty else { return "" }
        if href.hasPrefix("/") && !href.hasPrefix("//") { return baseURL + href }
        if let url = URL(string: href, relativeTo: URL(string: baseURL + "/")) { return url.absoluteString }
        return href
    }

    /// The phrases that mark a captcha or block page.
    static var blockMarkers: [String] {
        ["captcha", "access denied", "please enable javascript", "verify you are human", "cf-challenge"]
    }

    func looksBlocked(_ body: [UInt8]) -> Bool {
        let text = String(decoding: body.prefix(200_000), as: UTF8.self).lowercased()
        return Self.blockMarkers.contains { text.contains($0) }
    }

    /// The description from the first selector with text, or from JSON-LD when the page has it.
    func detail(from document: HTMLDocument, selectors: [CSSSelector], now: Date) -> DetailPage {
        if let posting = JobPostingJSONLD.find(in: document, now: now), !posting.description.isEmpty {
            return posting
        }
        for selector in selectors {
            let text = document.select(selector).map(\.blockText).filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty { return DetailPage(description: text) }
        }
        return DetailPage(description: "")
    }
}

/// The site roots, from `DUUNITORI_BASE_URL` and `JOBLY_BASE_URL` (unset: the real sites).
public struct BoardEndpoints: Sendable, Hashable {
    /// Duunitori's root without a trailing slash.
    public var duunitori: String
    /// Jobly's root without a trailing slash.
    public var jobly: String

    public init(duunitori: String = "https://duunitori.fi", jobly: String = "https://www.jobly.fi") {
        self.duunitori = Self.trimmed(duunitori)
        self.jobly = Self.trimmed(jobly)
    }

    /// Reads the two variables; empty counts as unset.
    public init(environment: [String: String]) {
        let defaults = BoardEndpoints()
        self.init(
            duunitori: EnvironmentVariables(environment).text("DUUNITORI_BASE_URL") ?? defaults.duunitori,
            jobly: EnvironmentVariables(environment).text("JOBLY_BASE_URL") ?? defaults.jobly)
    }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}

/// The browser-like headers both boards get.
enum BrowserHeaders {
    static let userAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"
    static let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
}

extension BoardEndpoints {
    /// Whether both boards are on this machine (the fixture boards), where no politeness delay is needed.
    public var areLocal: Bool {
        [duunitori, jobly].allSatisfy { url in
            let host = URLComponents(string: url)?.host?.lowercased() ?? ""
            return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
        }
    }
}

extension PolitenessPolicy {
    /// One second per host for live sites, none for local fixture boards; `SCRAPER_DELAY_SECONDS` (the
    /// contract's name; `SCRAPE_DELAY_SECONDS` also read) overrides.
    public static func forEndpoints(_ endpoints: BoardEndpoints, environment: [String: String]) -> PolitenessPolicy {
        var policy: PolitenessPolicy = endpoints.areLocal ? .fixtures : .live
        let raw = EnvironmentVariables(environment).text(anyOf: "SCRAPER_DELAY_SECONDS", "SCRAPE_DELAY_SECONDS")
        if let raw, let seconds = Double(raw), seconds >= 0, seconds <= 60 {
            policy.delayPerHost = seconds
        }
        return policy
    }
}

extension BoardScraper {
    /// Both boards, configured from the environment (`DUUNITORI_BASE_URL`, `JOBLY_BASE_URL`,
    /// `SCRAPER_DELAY_SECONDS`), sharing one polite fetcher.
    public static func allBoards(
        environment: [String: String], fetcher: any PageFetcher, clock: any WallClock
    ) -> [BoardScraper] {
        let endpoints = BoardEndpoints(environment: environment)
        let polite = PoliteFetcher(
            fetcher: fetcher, policy: .forEndpoints(endpoints, environment: environment), clock: clock)
        return [
            .duunitori(endpoints: endpoints, fetcher: polite, clock: clock),
            .jobly(endpoints: endpoints, fetcher: polite, clock: clock),
        ]
    }
}
