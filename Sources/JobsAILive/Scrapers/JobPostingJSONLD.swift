import Foundation
import JobsAI

/// Reads a schema.org `JobPosting` from a page's JSON-LD blocks, when the page has one.
enum JobPostingJSONLD {
    static let scripts = "//script[@type='application/ld+json']"

    static func find(in document: HTMLDocument, now: Date) -> DetailPage? {
        for script in document.select(scripts) {
            // Boards ship broken JSON-LD now and then; such a script is skipped and the markup read instead.
            guard let data = script.rawText.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                let posting = jobPosting(in: json)
            else { continue }
            return detail(from: posting, now: now)
        }
        return nil
    }

    /// Finds the JobPosting object in a top-level object, an array, or an `@graph`.
    private static func jobPosting(in json: Any) -> [String: Any]? {
        if let array = json as? [Any] { return array.lazy.compactMap { jobPosting(in: $0) }.first }
        guard let object = json as? [String: Any] else { return nil }
        let type = object["@type"]
        if (type as? String) == "JobPosting" || (type as? [String])?.contains("JobPosting") == true { return object }
        if let graph = object["@graph"] { return jobPosting(in: graph) }
        return nil
    }

    private static func detail(from posting: [String: Any], now: Date) -> DetailPage {
        let descriptionHTML = posting["description"] as? String ?? ""
        var description = ""
        // An unparseable description fragment leaves the description empty, as if the ad had none.
        if !descriptionHTML.isEmpty,
            let fragment = try? HTMLDocument(bytes: Array(descriptionHTML.utf8), url: "about:jsonld"),
            let root = fragment.first("/")
        {
            description = root.blockText
        }
        let organization = posting["hiringOrganization"]
        let company = (organization as? [String: Any])?["name"] as? String ?? organization as? String
        return DetailPage(
            description: description, title: (posting["title"] as? String).map(TextExtractor.collapse),
            company: company.map(TextExtractor.collapse), location: location(posting["jobLocation"]),
            published: (posting["datePosted"] as? String).flatMap { PublishedDate.parse($0, now: now) })
    }

    private static func location(_ value: Any?) -> String? {
        if let array = value as? [Any] { return array.lazy.compactMap { location($0) }.first }
        guard let place = value as? [String: Any] else { return nil }
        if let address = place["address"] as? [String: Any] {
            return address["addressLocality"] as? String ?? address["addressRegion"] as? String
        }
        return place["address"] as? String
    }
}

/// Reads the dates boards print: ISO (`2025-02-11`, with a time too), Finnish (`11.2.2025`), and
/// relative ones (`tänään`, `eilen`, `3 päivää sitten`, `2 days ago`). Dates are UTC midnights.
public enum PublishedDate {
    public static func parse(_ raw: String, now: Date) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !text.isEmpty else { return nil }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if text.range(of: #"^\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil, numbers.count >= 3 {
            return date(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        if text.range(of: #"^\d{1,2}\.\d{1,2}\.\d{4}"#, options: .regularExpression) != nil, numbers.count >= 3 {
            return date(year: numbers[2], month: numbers[1], day: numbers[0])
        }
        let today = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        if text.contains("tänään") || text.contains("today") || text.contains("juuri") { return today }
        if text.contains("eilen") || text.contains("yesterday") { return today.addingTimeInterval(-86_400) }
        if let amount = numbers.first, text.contains("sitten") || text.contains("ago") {
            let days: Int
            if text.contains("viik") || text.contains("week") {
                days = amount * 7
            } else if text.contains("kuukau") || text.contains("month") {
                days = amount * 30
            } else if text.contains("tunti") || text.contains("hour") || text.contains("minuut")
                || text.contains("minute")
            {
                days = 0
            } else {
                days = amount
            }
            return today.addingTimeInterval(-Double(days) * 86_400)
        }
        return nil
    }

    private static func date(year: Int, month: Int, day: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Date(timeIntervalSince1970: Double(CivilTime.days(year: year, month: month, day: day)) * 86_400)
    }
}
