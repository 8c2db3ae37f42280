import BuildingBlocks
import Foundation

/// Jobly-like pages (a Drupal view): `/en/jobs?search=q&page=N` with a 0-based pager, 20 `.views-row`
/// cards a page, `li.pager__item--next` while more pages exist, and `/en/job/{slug}` detail pages whose
/// body sits in `.field--name-body`; every other ad also embeds a schema.org `JobPosting` JSON-LD block.
struct JoblySite: Sendable {
    let corpus: FixtureCorpus
    static let pageSize = 20

    func results(search: String, page: Int) -> String {
        let found = corpus.search(search, board: .jobly)
        let start = max(page, 0) * Self.pageSize
        let cards = start < found.count ? Array(found[start..<min(start + Self.pageSize, found.count)]) : []
        let hasNext = start + Self.pageSize < found.count
        let query = HTMLText.escape(search.replacingOccurrences(of: " ", with: "+"))
        let rows = cards.map { listing in
            """
              <div class="views-row">
                <article id="node-\(listing.id)" class="node node--job-per-template node-job node-teaser">
                  <div class="job__content">
                    <h2 class="node__title"><a class="recruiter-job-link" href="/en/job/\(listing.slug)" \
            title="\(HTMLText.escape(listing.title))" data-gtm-employer_name="\(HTMLText.escape(listing.company))">\
            \(HTMLText.escape(listing.title))</a></h2>
                    <div class="description"><span class="recruiter-company-profile-job-organization">\
            <a href="/yritys/\(CorpusWriter.slugify(listing.company))">\(HTMLText.escape(listing.company))</a></span></div>
                    <div class="location"><span>\(HTMLText.escape(listing.city))</span></div>
                    <span class="date">\(HTMLText.finnishDay(corpus.published(listing))),</span>
                    <div class="terms">\(HTMLText.escape(listing.skills.prefix(2).joined(separator: " | ")))</div>
                  </div>
                </article>
              </div>
            """
        }.joined(separator: "\n")
        var pager = ""
        if page > 0 || hasNext {
            var items: [String] = []
            if page > 0 {
                items.append(
                    "<li class=\"pager__item pager__item--previous\"><a href=\"?search=\(query)&amp;page=\(page - 1)\">Previous page</a></li>"
                )
            }
            items.append(
                "<li class=\"pager__item is-active\"><a href=\"?search=\(query)&amp;page=\(page)\">\(page + 1)</a></li>"
            )
            if hasNext {
                items.append(
                    "<li class=\"pager__item pager__item--next\"><a href=\"?search=\(query)&amp;page=\(page + 1)\" rel=\"next\">Next page</a></li>"
                )
            }
            pager =
                "<nav class=\"pager\"><ul class=\"pager__items\">\n" + items.joined(separator: "\n") + "\n</ul></nav>"
        }
        let content =
            cards.isEmpty
            ? "<div class=\"view-empty\">No jobs found.</div>" : "<div class=\"view-content\">\n\(rows)\n</div>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Jobs | Jobly</title></head>
            <body>
            <div class="view-header"><h1>\(found.count) jobs</h1></div>
            \(content)
            \(pager)
            </body>
            </html>
            """
    }

    func detail(slug: String) -> String? {
        guard let listing = corpus.listing(slug: slug), listing.boards.contains(.jobly) else { return nil }
        let body = HTMLText.body(listing.paragraphs)
        var jsonLD = ""
        if listing.id % 2 == 0 {
            let posting: JSONValue = .object([
                "@context": .string("https://schema.org"), "@type": .string("JobPosting"),
                "title": .string(listing.title),
                "datePosted": .string(HTMLText.isoDay(corpus.published(listing)) + "T08:00:00+02:00"),
                "description": .string(body),
                "hiringOrganization": .object(["@type": .string("Organization"), "name": .string(listing.company)]),
                "jobLocation": .object([
                    "@type": .string("Place"),
                    "address": .object(["@type": .string("PostalAddress"), "addressLocality": .string(listing.city)]),
                ]),
            ])
            let text = posting.sortedCompactText.replacingOccurrences(of: "</", with: "<\\/")
            jsonLD = "<script type=\"application/ld+json\">\(text)</script>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(HTMLText.escape(listing.title)) | \(HTMLText.escape(listing.company)) \
            | Jobly</title>
            \(jsonLD)
            </head>
            <body>
            <h1>\(HTMLText.escape(listing.title))</h1>
            <div class="field field--name-body field--type-text-with-summary field--label-hidden">\
            <div class="field__item" property="content:encoded">
            \(body)
            </div></div>
            </body>
            </html>
            """
    }
}
