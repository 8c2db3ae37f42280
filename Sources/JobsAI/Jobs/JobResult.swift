/// A document the worker stored: the name the person sees and the S3 key (never shown to the person).
public struct StoredDocument: Sendable, Hashable, Codable {
    public var fileName: String
    public var key: String

    public init(fileName: String, key: String) {
        self.fileName = fileName
        self.key = key
    }

    enum CodingKeys: String, CodingKey { case fileName = "file_name", key }
}

/// A letter's words as its document prints them between the heading and the signature, for a preview.
/// (The document adds the "About you" details, the date, the company and the role; those stay out of the job.)
public struct LetterPreview: Sendable, Hashable, Codable {
    public var salutation: String
    public var paragraphs: [String]
    public var closing: String
    /// The language the letter is written in.
    public var language: LetterLanguage

    public init(salutation: String, paragraphs: [String], closing: String, language: LetterLanguage = .english) {
        self.salutation = salutation
        self.paragraphs = paragraphs
        self.closing = closing
        self.language = language
    }

    /// The words of `letter`.
    public init(_ letter: Letter) {
        self.init(
            salutation: letter.salutation, paragraphs: letter.paragraphs, closing: letter.closing,
            language: letter.language)
    }
}

/// A job the pipeline chose and wrote a letter for.
public struct ChosenJob: Sendable, Hashable, Codable {
    public var title: String
    public var company: String
    public var location: String
    public var score: Int
    public var url: String
    public var matchedSkills: [String]
    /// The letter's file name, when one was written.
    public var letterFileName: String?
    /// Which writer wrote the letter (`offline`, or the model's name).
    public var letterWriter: String?
    /// Why the fallback writer wrote the letter instead of the configured one; nil when it did not.
    public var letterFallbackReason: String?
    /// Why the job has its score (absent in results stored before it existed).
    public var scoreBreakdown: ScoreExplanation?
    /// The letter's words, for a preview (absent in results stored before it existed).
    public var letterPreview: LetterPreview?

    public init(
        title: String, company: String, location: String, score: Int, url: String, matchedSkills: [String],
        letterFileName: String?, letterWriter: String? = nil, letterFallbackReason: String? = nil,
        scoreBreakdown: ScoreExplanation? = nil, letterPreview: LetterPreview? = nil
    ) {
        self.title = title
        self.company = company
        self.location = location
        self.score = score
        self.url = url
        self.matchedSkills = matchedSkills
        self.letterFileName = letterFileName
        self.letterWriter = letterWriter
        self.letterFallbackReason = letterFallbackReason
        self.scoreBreakdown = scoreBreakdown
        self.letterPreview = letterPreview
    }

    enum CodingKeys: String, CodingKey {
        case title, company, location, score, url
        case matchedSkills = "matched_skills", letterFileName = "letter_file_name", letterWriter = "letter_writer"
        case letterFallbackReason = "letter_fallback_reason", scoreBreakdown = "score_breakdown"
        case letterPreview = "letter_preview"
    }
}

/// What a complete job produced: the chosen jobs, one letter each, the zip of all letters, and what was
/// understood of the person's answers.
public struct JobResult: Sendable, Hashable, Codable {
    public var jobs: [ChosenJob]
    public var letters: [StoredDocument]
    public var bundle: StoredDocument?
    /// The preferences read and the queries searched (absent in results stored before it existed).
    public var profileSummary: ProfileSummary?

    public init(
        jobs: [ChosenJob], letters: [StoredDocument], bundle: StoredDocument?, profileSummary: ProfileSummary? = nil
    ) {
        self.jobs = jobs
        self.letters = letters
        self.bundle = bundle
        self.profileSummary = profileSummary
    }

    enum CodingKeys: String, CodingKey {
        case jobs, letters, bundle
        case profileSummary = "profile_summary"
    }
}
