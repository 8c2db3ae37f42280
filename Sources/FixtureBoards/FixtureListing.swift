import Foundation

/// The boards a fixture listing appears on.
public enum FixtureBoard: String, Sendable, Hashable, CaseIterable {
    case duunitori
    case jobly
}

/// The seniority of a fixture listing.
public enum FixtureLevel: String, Sendable, Hashable, CaseIterable {
    case senior, intermediate, junior, intern
}

/// One generated job ad: what a results card shows and what its detail page says.
public struct FixtureListing: Sendable, Hashable {
    /// Stable number (also in the URL).
    public let id: Int
    /// URL path segment, e.g. `senior-python-developer-koodi-oy-1042`.
    public let slug: String
    public let title: String
    public let company: String
    public let city: String
    public let level: FixtureLevel
    /// Finnish (`fi`) or English (`en`).
    public let language: String
    /// The stack's name (`backend-python`...).
    public let stack: String
    /// Technologies the ad names.
    public let skills: [String]
    /// Days before the corpus date the ad was published.
    public let ageDays: Int
    /// The ad's body as paragraphs; a paragraph starting with `- ` lines is a list.
    public let paragraphs: [String]
    /// The boards it is posted on (some on both, as real ads are).
    public let boards: [FixtureBoard]
    /// Lower-cased words a search matches against.
    let searchText: String
    /// Lower-cased title, stack, skills, level and city: matches here rank first.
    let headlineText: String

    /// Whether every word of a query occurs in the listing (title, stack, skills, level, city, text).
    func matches(_ words: [String]) -> Bool {
        words.allSatisfy { searchText.contains($0) }
    }

    /// Whether every word occurs in the headline (title, stack, skills, level, city).
    func matchesHeadline(_ words: [String]) -> Bool {
        words.allSatisfy { headlineText.contains($0) }
    }
}
