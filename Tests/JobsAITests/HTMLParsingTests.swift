import Foundation
import JobsAI
import JobsAILive
import Testing

/// The scrapers' HTML parsing (Gumbo, CSS selectors, JSON-LD) on markup the fixtures do not show.
@Suite struct HTMLParsingTests {
    private static let detailURL = "http://boards.test/duunitori/tyopaikat/xyz"
    private static let listing = JobListing(
        board: .duunitori, title: "Backend Developer", company: "Example Oy", url: detailURL)

    private func page(_ html: String) -> PageResponse { PageResponse(status: 200, body: Data(html.utf8)) }

    @Test func sloppyMarkupReadsAsABrowserWouldShowIt() async throws {
        let html = """
            <html><head><script>var card = '<div class="grid grid--middle job-box job-box--lg">fake</div>';</script>
            <body><!-- <div class="grid grid--middle job-box job-box--lg">commented out</div> -->
            <div class="grid-sandbox grid-sandbox--tight-bottom grid-sandbox--tight-top">
            <div class="grid  grid--middle job-box job-box--lg">
              <a class="gtm-search-result job-box__hover" data-company=" R&amp;D Oy " href="/tyopaikat/tyo/a-1">x</a>
              <h3 class="job-box__title">Kehitt&auml;j&auml;&nbsp;<b>Python</h3>
              <span class="job-box__job-location">Helsinki<span class="job-box__job-posted">11.2.2025</span>
            </div>
            <div class="grid grid--middle job-box job-box--lg"><p>unclosed <p>paragraphs
              <a class="job-box__hover-title" href="https://other.example/b">Alt <i>title</a></div>
            </div>
            <div class="grid grid--middle job-box job-box--lg"><h3 class="job-box__title">Recommended</h3></div>
            """
        let setup = ScraperTests.Setup([ScraperTests.duunitoriPage1: [page(html)]])
        let results = try await setup.search(setup.duunitori, "Backend Developer")
        #expect(results.listings.map(\.title) == ["Kehittäjä Python", "Alt title"])
        #expect(results.listings.map(\.company) == ["R&D Oy", ""])
        #expect(results.listings.map(\.location) == ["Helsinki11.2.2025", ""])
        #expect(
            results.listings.map(\.url) == [
                "http://boards.test/duunitori/tyopaikat/tyo/a-1", "https://other.example/b",
            ])
    }

    @Test func aPageNestedPastTheGuardIsUnparseableNotSlow() async throws {
        let deep = String(repeating: "<div>", count: 20_000) + "text"
        let nested = String(repeating: "<div>", count: 2_000)
        let description = "<div class=\"description-box\">Deep <b>inside</b></div>"
        let setup = ScraperTests.Setup([
            Self.detailURL: [page(deep), page(nested + description)]
        ])
        await #expect(throws: DetailError.unparseable(reason: "the page nests more than 10000 elements")) {
            try await setup.duunitori.readDetails(of: Self.listing)
        }
        let detailed = try await setup.duunitori.readDetails(of: Self.listing)
        #expect(detailed.description == "Deep inside")
    }

    @Test func jsonLDPostingsAreFoundInGraphsAndArrays() async throws {
        let posting = #"""
            {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": ["Thing", "JobPosting"],
             "title": "  Data   Engineer ", "description": "<p>Spark &amp; Kafka</p><ul><li>SQL</li></ul>",
             "hiringOrganization": "Data Ab", "jobLocation": [{"address": {"addressRegion": "Uusimaa"}}],
             "datePosted": "2025-02-11T08:00:00+02:00"}]}
            """#
        let html = """
            <script type="application/ld+json">{ not json</script>
            <script type="application/ld+json">\(posting)</script>
            <div class="description-box">markup text</div>
            """
        let setup = ScraperTests.Setup([Self.detailURL: [page(html)]])
        let detailed = try await setup.duunitori.readDetails(
            of: JobListing(board: .duunitori, title: "", company: "", url: Self.detailURL))
        #expect(detailed.description == "Spark & Kafka\nSQL")
        #expect(detailed.title == "Data Engineer")
        #expect(detailed.company == "Data Ab")
        #expect(detailed.location == "Uusimaa")
        #expect(detailed.published == Date(timeIntervalSince1970: 1_739_232_000))  // 2025-02-11
    }

    @Test func publishedDatesNeedWholeDigitRuns() {
        let now = Date(timeIntervalSince1970: 1_739_232_000)
        #expect(PublishedDate.parse("2025-02-11", now: now) == now)
        #expect(PublishedDate.parse(" 11.2.2025, klo 10 ", now: now) == now)
        #expect(PublishedDate.parse("11.02.2025abc", now: now) == now)
        #expect(PublishedDate.parse("20255-02-11", now: now) == nil)
        #expect(PublishedDate.parse("111.2.2025", now: now) == nil)
        #expect(PublishedDate.parse("2025-2-11", now: now) == nil)
    }
}
