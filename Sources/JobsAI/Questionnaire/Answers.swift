#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A person's years with one technology, built-in or typed in through "Add more".
public struct TechnologyExperience: Sendable, Hashable, Codable {
    /// The set the technology was answered in.
    public let set: QuestionSetID
    /// The payload key for built-ins, the typed text for custom entries.
    public let key: String
    /// The display name.
    public let label: String
    /// The slider value, 1...7 (zero answers are not kept).
    public let level: Int
    /// Whether the person typed this technology in.
    public let isCustom: Bool

    public init(set: QuestionSetID, key: String, label: String, level: Int, isCustom: Bool = false) {
        self.set = set
        self.key = key
        self.label = label
        self.level = level
        self.isCustom = isCustom
    }

    /// The years the slider value stands for.
    public var approximateYears: Double { ExperienceScale.approximateYears(level) }
}

/// The questionnaire answers the worker needs, read from the API payload by key, never by position.
public struct Answers: Sendable, Hashable {
    /// One level or two adjacent levels.
    public var jobLevels: [JobLevel]
    /// The boards to search.
    public var jobBoards: [JobBoardName]
    /// Whether to open every listing's detail page.
    public var deepMode: Bool
    /// How many letters to write (1...10).
    public var coverLetterCount: Int
    /// One style, or two to mix.
    public var letterStyles: [LetterStyle]
    /// Every technology with a non-zero answer, built-in and custom, in questionnaire order.
    public var experience: [TechnologyExperience]
    /// Set 10's text, as typed.
    public var personalDescription: String
    /// The optional contact details; never given to a writer.
    public var aboutYou: AboutYou?
    /// The letters' language (English unless chosen).
    public var letterLanguage: LetterLanguageChoice

    public init(
        jobLevels: [JobLevel], jobBoards: [JobBoardName], deepMode: Bool, coverLetterCount: Int,
        letterStyles: [LetterStyle], experience: [TechnologyExperience], personalDescription: String,
        aboutYou: AboutYou? = nil, letterLanguage: LetterLanguageChoice = .english
    ) {
        self.jobLevels = jobLevels
        self.jobBoards = jobBoards
        self.deepMode = deepMode
        self.coverLetterCount = coverLetterCount
        self.letterStyles = letterStyles
        self.experience = experience
        self.personalDescription = personalDescription
        self.aboutYou = aboutYou
        self.letterLanguage = letterLanguage
    }

    /// Reads answers from the payload's JSON bytes.
    public static func decode(from json: Data) throws(AnswersError) -> Answers {
        let value: PayloadValue
        do {
            value = try JSONDecoder().decode(PayloadValue.self, from: json)
        } catch {
            throw AnswersError("body", "The payload is not valid JSON.")
        }
        return try read(value)
    }

    /// Reads answers from an already decoded payload (the worker event's `answers`).
    public static func read(_ value: PayloadValue) throws(AnswersError) -> Answers {
        try AnswersParser().parse(value)
    }
}
