/// A written cover letter's content, before it becomes a document.
public struct Letter: Sendable, Hashable, Codable {
    /// The hiring company, as the ad names it.
    public let company: String
    /// The job title.
    public let title: String
    /// "Dear ... ," line.
    public let salutation: String
    /// The body, one string per paragraph.
    public let paragraphs: [String]
    /// The sign-off before the name ("Kind regards,").
    public let closing: String
    /// Which writer produced it (`offline`, or the LLM model).
    public let writer: String
    /// The language it is written in.
    public let language: LetterLanguage

    public init(
        company: String, title: String, salutation: String, paragraphs: [String], closing: String, writer: String,
        language: LetterLanguage = .english
    ) {
        self.company = company
        self.title = title
        self.salutation = salutation
        self.paragraphs = paragraphs
        self.closing = closing
        self.writer = writer
        self.language = language
    }

    private enum CodingKeys: String, CodingKey {
        case company, title, salutation, paragraphs, closing, writer, language
    }

    /// Reads a letter; one stored before letters had a language is English.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            company: try container.decode(String.self, forKey: .company),
            title: try container.decode(String.self, forKey: .title),
            salutation: try container.decode(String.self, forKey: .salutation),
            paragraphs: try container.decode([String].self, forKey: .paragraphs),
            closing: try container.decode(String.self, forKey: .closing),
            writer: try container.decode(String.self, forKey: .writer),
            language: try container.decodeIfPresent(LetterLanguage.self, forKey: .language) ?? .english)
    }
}
