import Foundation

/// A corpus read from a folder's `listings.json` (the ranking evaluation set's format) instead of generated:
/// each listing's title, company, location, language, board, age and text.
extension FixtureCorpus {
    /// One listing as the file holds it.
    private struct Entry: Decodable {
        let id: Int
        let slug: String
        let board: String
        let language: String
        let title: String
        let company: String
        let location: String
        let ageDays: Int
        let description: String

        enum CodingKeys: String, CodingKey {
            case id, slug, board, language, title, company, location, description
            case ageDays = "age_days"
        }
    }

    private struct File: Decodable { let listings: [Entry] }

    /// The corpus of `directory/listings.json`; publication dates count back from `today`.
    public init(directory: URL, today: Date = Date()) throws {
        let data = try Data(contentsOf: directory.appendingPathComponent("listings.json"))
        let entries = try JSONDecoder().decode(File.self, from: data).listings
        let listings = entries.map { entry in
            let paragraphs = entry.description.components(separatedBy: "\n").filter { !$0.isEmpty }
            let headline = [entry.title, entry.location].joined(separator: " ")
            return FixtureListing(
                id: entry.id, slug: entry.slug, title: entry.title, company: entry.company, city: entry.location,
                level: Self.level(of: entry.title), language: entry.language, stack: "", skills: [],
                ageDays: entry.ageDays, paragraphs: paragraphs,
                boards: [entry.board == "jobly" ? .jobly : .duunitori],
                searchText: ([headline, entry.company] + paragraphs).joined(separator: " ").lowercased(),
                headlineText: headline.lowercased())
        }
        self.init(listings: listings, today: today)
    }

    /// The level a title's words suggest (the results cards show it).
    private static func level(of title: String) -> FixtureLevel {
        let words = title.lowercased()
        if ["intern", "harjoittel", "trainee", "kesätyö"].contains(where: words.contains) { return .intern }
        if ["junior", "nuorempi"].contains(where: words.contains) { return .junior }
        if ["senior", "lead", "kokenut"].contains(where: words.contains) { return .senior }
        return .intermediate
    }
}
