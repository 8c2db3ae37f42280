import BuildingBlocks
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Jobly: a Drupal view, `/en/jobs?search={q}&page={page}` with a 0-based pager, about 20 cards a page.
struct JoblyMarkup: BoardMarkup {
    let baseURL: String
    var name: JobBoardName { .jobly }
    var firstPage: Int { 0 }
    var pageSize: Int { 20 }
    var headers: [HeaderField] {
        [
            HeaderField("User-Agent", BrowserHeaders.userAgent),
            HeaderField("Accept-Language", "en-US,en;q=0.9,fi;q=0.8"),
            HeaderField("Accept", BrowserHeaders.accept),
            HeaderField("Referer", baseURL + "/"),
        ]
    }

    static let cards = CSSSelector(".views-row")
    static let titleLink = CSSSelector(".node__title a")
    static let company = CSSSelector(".recruiter-company-profile-job-organization")
    static let location = CSSSelector(".location span")
    static let date = CSSSelector(".date")
    static let nextPage = CSSSelector("li.pager__item--next")
    static let descriptions = [
        CSSSelector(".field.field--name-body"), CSSSelector("div.field__item[property='content:encoded']"),
    ]

    /// Python's `quote_plus`: spaces become `+`, everything but unreserved characters is escaped.
    static func queryValue(_ query: String) -> String {
        let escaped = PercentEncoding.encode(query.trimmingWhitespacesAndNewlines()) { scalar in
            ScalarClass.isASCIIAlphanumeric(scalar) || "-._~ ".unicodeScalars.contains(scalar)
        }
        return escaped.replacing(" ", with: "+")
    }

    func searchURL(query: String, page: Int) -> String {
        "\(baseURL)/en/jobs?search=\(Self.queryValue(query))&page=\(page)"
    }

    func parseResults(_ body: [UInt8], pageURL: String, query: String, now: Date) throws(HTMLParseError) -> ResultsPage
    {
        let document = try HTMLDocument(bytes: body, url: pageURL)
        let cards = document.select(Self.cards).compactMap { card -> JobListing? in
            guard let link = card.first(Self.titleLink) else { return nil }
            let text = link.inlineText
            let title = text.isEmpty ? (link.attribute("title") ?? "") : text
            let company = card.first(Self.company)?.inlineText ?? link.attribute("data-gtm-employer_name") ?? ""
            // Dates read "12.02.2025," on the site.
            let date = (card.first(Self.date)?.inlineText ?? "").trimmingScalars(
                where: { $0 == "," || $0 == " " })
            return JobListing(
                board: .jobly, title: title, company: company, location: card.first(Self.location)?.inlineText ?? "",
                url: absoluteURL(link.attribute("href") ?? ""), publishedText: date,
                published: PublishedDate.parse(date, now: now), query: query)
        }
        return ResultsPage(
            cards: cards, hasNextPage: document.first(Self.nextPage) != nil, looksBlocked: looksBlocked(body))
    }

    func parseDetail(_ body: [UInt8], url: String, now: Date) throws(HTMLParseError) -> DetailPage {
        detail(from: try HTMLDocument(bytes: body, url: url), selectors: Self.descriptions, now: now)
    }
}
