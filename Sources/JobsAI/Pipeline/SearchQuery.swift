/// The language a query is written in.
public enum QueryLanguage: String, Sendable, Hashable, Codable {
    case english
    case finnish
}

/// One job-board search, with the reason it was chosen.
public struct SearchQuery: Sendable, Hashable, Codable {
    /// What is typed into the board's search box.
    public let text: String
    /// Its language.
    public let language: QueryLanguage
    /// Why this query, in a few words (`strongest skill: Python`).
    public let reason: String

    public init(text: String, language: QueryLanguage, reason: String) {
        self.text = text
        self.language = language
        self.reason = reason
    }
}
