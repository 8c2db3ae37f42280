import BuildingBlocks
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Duunitori: `/tyopaikat/haku/{slug}?sivu={page}` from page 1, 20 cards a page.
struct DuunitoriMarkup: BoardMarkup {
    let baseURL: String
    var name: JobBoardName { .duunitori }
    var firstPage: Int { 1 }
    var pageSize: Int { 20 }
    var headers: [HeaderField] {
        [
            HeaderField("User-Agent", BrowserHeaders.userAgent),
            HeaderField("Accept-Language", "fi-FI,fi;q=0.9,en;q=0.8"),
            HeaderField("Accept", BrowserHeaders.accept),
        ]
    }

    // The sandbox scope leaves out the "Duunitori suosittelee" recommendation boxes.
    static let cards = CSSSelector(
        ".grid-sandbox.grid-sandbox--tight-bottom.grid-sandbox--tight-top .grid.grid--middle.job-box.job-box--lg")
    static let anchor = CSSSelector("a.job-box__hover.gtm-search-result, a.job-box__hover-title")
    static let title = CSSSelector(".job-box__title")
    static let company = CSSSelector(".job-box__company")
    static let location = CSSSelector(".job-box__job-location")
    static let posted = CSSSelector(".job-box__job-posted")
    static let nextLink = CSSSelector("link[rel='next'], a[rel='next']")
    static let descriptions = [
        CSSSelector(".gtm-apply-clicks.description.description--jobentry"), CSSSelector(".description-box"),
        CSSSelector(".description--jobentry"),
    ]

    /// `python developer` → `python-developer`, `c# developer` → `c%23-developer`.
    static func slug(_ query: String) -> String {
        let words = query.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: "-")
        return PercentEncoding.encode(words) {
            ScalarClass.isASCIIAlphanumeric($0) || "-._~".unicodeScalars.contains($0)
        }
    }

    func searchURL(query: String, page: Int) -> String {
        "\(baseURL)/tyopaikat/haku/\(Self.slug(query))?sivu=\(page)"
    }

    func parseResults(_ body: [UInt8], pageURL: String, query: String, now: Date) throws(HTMLParseError) -> ResultsPage
    {
        let document = try HTMLDocument(bytes: body, url: pageURL)
        let cards = document.select(Self.cards).map { card -> JobListing in
            let anchor = card.first(Self.anchor)
            let title = card.first(Self.title)?.inlineText ?? anchor?.inlineText ?? ""
            let company = anchor?.attribute("data-company") ?? card.first(Self.company)?.inlineText ?? ""
            let posted = card.first(Self.posted)?.inlineText ?? ""
            return JobListing(
                board: .duunitori, title: title, company: company.trimmingWhitespacesAndNewlines(),
                location: card.first(Self.location)?.inlineText ?? "",
                url: absoluteURL(anchor?.attribute("href") ?? ""), publishedText: posted,
                published: PublishedDate.parse(posted, now: now), query: query)
        }
        let next = document.first(Self.nextLink) != nil
        return ResultsPage(cards: cards, hasNextPage: next ? true : nil, looksBlocked: looksBlocked(body))
    }

    func parseDetail(_ body: [UInt8], url: String, now: Date) throws(HTMLParseError) -> DetailPage {
        detail(from: try HTMLDocument(bytes: body, url: url), selectors: Self.descriptions, now: now)
    }
}
