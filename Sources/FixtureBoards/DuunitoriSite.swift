import Foundation

/// Duunitori-like pages in the markup of the reference fixtures: `/tyopaikat/haku/{slug}?sivu=N` from 1,
/// 20 cards a page inside the `grid-sandbox` container, `<link rel="next">` while more pages exist, and
/// `/tyopaikat/tyo/{slug}` detail pages with the production description selector.
struct DuunitoriSite: Sendable {
    let corpus: FixtureCorpus
    static let pageSize = 20

    func results(slug: String, page: Int) -> String {
        let query = (slug.removingPercentEncoding ?? slug).replacingOccurrences(of: "-", with: " ")
        let found = corpus.search(query, board: .duunitori)
        let start = (max(page, 1) - 1) * Self.pageSize
        let cards = start < found.count ? Array(found[start..<min(start + Self.pageSize, found.count)]) : []
        let hasNext = start + Self.pageSize < found.count
        let next = hasNext ? "<link rel=\"next\" href=\"?sivu=\(page + 1)\">" : ""
        let items = cards.map { listing in
            """
              <div class="grid grid--middle job-box job-box--lg">
                <h3 class="job-box__title">
                  <a href="/tyopaikat/tyo/\(listing.slug)" class="job-box__hover gtm-search-result" \
            data-company="\(HTMLText.escape(listing.company))">\(HTMLText.escape(listing.title))</a>
                </h3>
                <div class="job-box__job-location">\(HTMLText.escape(listing.city))</div>
                <div class="job-box__job-posted">\(HTMLText.isoDay(corpus.published(listing)))</div>
              </div>
            """
        }.joined(separator: "\n")
        let recommended =
            corpus.listings.first { $0.boards.contains(.duunitori) }.map { listing in
                """
                <div class="grid-sandbox"><h2>Duunitori suosittelee</h2>
                  <div class="grid grid--middle job-box job-box--lg"><h3 class="job-box__title">\
                <a href="/tyopaikat/tyo/\(listing.slug)" class="job-box__hover gtm-search-result" \
                data-company="\(HTMLText.escape(listing.company))">\(HTMLText.escape(listing.title))</a></h3></div>
                </div>
                """
            } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="fi">
            <head><meta charset="utf-8"><title>\(HTMLText.escape(query)) - työpaikat - Duunitori</title>\(next)</head>
            <body>
            <h1>\(found.count) työpaikkaa haulla \(HTMLText.escape(query))</h1>
            <div class="grid-sandbox grid-sandbox--tight-bottom grid-sandbox--tight-top">
            \(items.isEmpty ? "  <!-- No job boxes here -->" : items)
            </div>
            \(recommended)
            </body>
            </html>
            """
    }

    func detail(slug: String) -> String? {
        guard let listing = corpus.listing(slug: slug), listing.boards.contains(.duunitori) else { return nil }
        return """
            <!DOCTYPE html>
            <html lang="fi">
            <head><meta charset="utf-8"><title>\(HTMLText.escape(listing.title)) - \(HTMLText.escape(listing.company)) \
            - Duunitori</title>
            <script>window.dataLayer = [];</script></head>
            <body>
            <h1 class="header__title">\(HTMLText.escape(listing.title))</h1>
            <div class="header__info">\(HTMLText.escape(listing.company)), \(HTMLText.escape(listing.city))</div>
            <div class="gtm-apply-clicks description description--jobentry">
            \(HTMLText.body(listing.paragraphs))
            </div>
            <div class="related">Duunitori suosittelee: \(HTMLText.escape(corpus.listings[0].title))</div>
            </body>
            </html>
            """
    }
}
