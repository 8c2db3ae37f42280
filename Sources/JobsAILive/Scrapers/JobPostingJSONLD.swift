import BuildingBlocks
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads a schema.org `JobPosting` from a page's JSON-LD blocks, when the page has one.
enum JobPostingJSONLD {
    static let scripts = CSSSelector("script[type='application/ld+json']")

    static func find(in document: HTMLDocument, now: Date) -> DetailPage? {
        for script in document.select(scripts) {
            // Boards ship broken JSON-LD now and then; such a script is skipped and the markup read instead.
            guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(script.rawText.utf8)),
                let posting = jobPosting(in: json)
            else { continue }
            return detail(from: posting, now: now)
        }
        return nil
    }

    /// Finds the JobPosting object in a top-level object, an array, or an `@graph`.
    private static func jobPosting(in json: JSONValue) -> [String: JSONValue]? {
        if let array = json.arrayValue { return array.lazy.compactMap { jobPosting(in: $0) }.first }
        guard let object = json.objectValue else { return nil }
        let type = object["@type"]
        if type?.stringValue == "JobPosting" || strings(type)?.contains("JobPosting") == true { return object }
        if let graph = object["@graph"] { return jobPosting(in: graph) }
        return nil
    }

    /// An array's elements when all of them are strings.
    private static func strings(_ value: JSONValue?) -> [String]? {
        guard let array = value?.arrayValue else { return nil }
        let strings = array.compactMap(\.stringValue)
        return strings.count == array.count ? strings : nil
    }

    private static func detail(from posting: [String: JSONValue], now: Date) -> DetailPage {
        let descriptionHTML = posting["description"]?.stringValue ?? ""
        var description = ""
        // An unparseable description fragment leaves the description empty, so the page's markup is read instead.
        if !descriptionHTML.isEmpty,
            let fragment = try? HTMLDocument(bytes: Array(descriptionHTML.utf8), url: "about:jsonld")
        {
            description = fragment.root.blockText
        }
        let organization = posting["hiringOrganization"]
        let company = organization?["name"]?.stringValue ?? organization?.stringValue
        return DetailPage(
            description: description, title: posting["title"]?.stringValue.map(TextExtractor.collapse),
            company: company.map(TextExtractor.collapse), location: location(posting["jobLocation"]),
            published: posting["datePosted"]?.stringValue.flatMap { PublishedDate.parse($0, now: now) })
    }

    private static func location(_ value: JSONValue?) -> String? {
        if let array = value?.arrayValue { return array.lazy.compactMap { location($0) }.first }
        guard let place = value?.objectValue else { return nil }
        if let address = place["address"]?.objectValue {
            return address["addressLocality"]?.stringValue ?? address["addressRegion"]?.stringValue
        }
        return place["address"]?.stringValue
    }
}

/// Reads the dates boards print: ISO (`2025-02-11`, with a time too), Finnish (`11.2.2025`), and
/// relative ones (`tänään`, `eilen`, `3 päivää sitten`, `2 days ago`). Dates are UTC midnights.
public enum PublishedDate {
    public static func parse(_ raw: String, now: Date) -> Date? {
        let text = raw.trimmingWhitespacesAndNewlines().lowercased()
        guard !text.isEmpty else { return nil }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if startsWithDigits(text, runs: [4...4, 2...2, 2...2], separator: "-"), numbers.count >= 3 {
            return date(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        if startsWithDigits(text, runs: [1...2, 1...2, 4...4], separator: "."), numbers.count >= 3 {
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

    /// Whether the text starts with runs of decimal digits of these lengths, `separator` between them: the regular
    /// expression `^\d{4}-\d{2}-\d{2}` is `[4...4, 2...2, 2...2]` and `-`. The last run may go on.
    private static func startsWithDigits(_ text: String, runs: [ClosedRange<Int>], separator: Unicode.Scalar) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        for (position, run) in runs.enumerated() {
            let digits = scalars.prefix { $0.properties.generalCategory == .decimalNumber }.count
            let isLast = position == runs.count - 1
            guard isLast ? digits >= run.lowerBound : run.contains(digits) else { return false }
            scalars = scalars.dropFirst(digits)
            if isLast { break }
            guard scalars.first == separator else { return false }
            scalars = scalars.dropFirst()
        }
        return true
    }

    private static func date(year: Int, month: Int, day: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Date(timeIntervalSince1970: Double(CivilTime.days(year: year, month: month, day: day)) * 86_400)
    }
}
