#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A job ad as scraped from a board: card fields, and the ad's own text when it was read.
public struct JobListing: Sendable, Hashable, Codable {
    /// The board it came from.
    public var board: JobBoardName
    /// The job title.
    public var title: String
    /// The hiring company.
    public var company: String
    /// Where the job is.
    public var location: String
    /// Absolute URL of the ad.
    public var url: String
    /// The publication date as the board wrote it.
    public var publishedText: String
    /// The publication date when it could be read.
    public var published: Date?
    /// The ad's text (empty when only the results list was read).
    public var description: String
    /// The search query that found it.
    public var query: String

    public init(
        board: JobBoardName, title: String, company: String, location: String = "", url: String,
        publishedText: String = "", published: Date? = nil, description: String = "", query: String = ""
    ) {
        self.board = board
        self.title = title
        self.company = company
        self.location = location
        self.url = url
        self.publishedText = publishedText
        self.published = published
        self.description = description
        self.query = query
    }
}
