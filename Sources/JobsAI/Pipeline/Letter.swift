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
}
