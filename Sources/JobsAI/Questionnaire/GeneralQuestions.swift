/// One option of a choice question: the value sent in the payload and the text shown.
public struct ChoiceOption: Sendable, Hashable {
    /// The payload value.
    public let value: String
    /// The text shown beside the control.
    public let label: String

    public init(_ value: String, label: String? = nil) {
        self.value = value
        self.label = label ?? value
    }
}

/// How a general question is answered and what makes an answer acceptable.
public enum ChoiceRule: Sendable, Hashable {
    /// Checkboxes: between `min` and `max` picks; with `adjacentOnly` two picks must be neighbours.
    case multiple(min: Int, max: Int, adjacentOnly: Bool)
    /// Radio buttons: exactly one pick; `columnsSplitAfter` lays long lists out in two columns.
    case single(columnsSplitAfter: Int?)
}

/// A question of set 1 (General Questions). Labels use the original's mini-markup:
/// `*x*` italic, a trailing ` *` marks the question required, `{small}...{/small}` small text, `\n` a break.
public struct GeneralQuestion: Sendable, Hashable {
    /// The payload key.
    public let key: GeneralQuestionKey
    /// The question as shown (mini-markup).
    public let label: String
    /// A longer explanation shown under the question.
    public let help: String
    /// How it is answered.
    public let rule: ChoiceRule
    /// The options in display order.
    public let options: [ChoiceOption]
    /// The values picked before the person touches the question.
    public let defaultValues: [String]

    /// Every general question is required but the letters' language, which defaults to English.
    public var isRequired: Bool { key != .letterLanguage }
}

extension GeneralQuestion {
    /// The general questions in display order.
    public static let all: [GeneralQuestion] = [
        jobLevel, jobBoards, deepMode, coverLetterNum, coverLetterStyle, letterLanguage,
    ]

    /// Job level: one level, or two adjacent levels.
    public static let jobLevel = GeneralQuestion(
        key: .jobLevel,
        label: "What level of job are you looking for? *\n{small}*You may select two adjacent levels*{/small}",
        help: "Pick the seniority you want. Two picks must sit next to each other, e.g. Entry and Intern.",
        rule: .multiple(min: 1, max: 2, adjacentOnly: true),
        options: [
            ChoiceOption("Expert-level"), ChoiceOption("Intermediate"), ChoiceOption("Entry"), ChoiceOption("Intern"),
        ],
        defaultValues: ["Expert-level"])

    /// Which job boards to search.
    public static let jobBoards = GeneralQuestion(
        key: .jobBoards,
        label: "Which job boards should we search? *",
        help: "We search every board you pick with several queries built from your answers.",
        rule: .multiple(min: 1, max: 2, adjacentOnly: false),
        options: [ChoiceOption("Duunitori"), ChoiceOption("Jobly")],
        defaultValues: ["Duunitori"])

    /// Deep mode: open every listing's own page (slower, more relevant).
    public static let deepMode = GeneralQuestion(
        key: .deepMode,
        label: "Deep search? *\n{small}*Slower, but more relevant*{/small}",
        help: "Yes opens and reads every job ad's own page; No uses only what the result lists show.",
        rule: .single(columnsSplitAfter: nil),
        options: [ChoiceOption("Yes"), ChoiceOption("No")],
        defaultValues: ["Yes"])

    /// How many of the best jobs get a letter.
    public static let coverLetterNum = GeneralQuestion(
        key: .coverLetterNum,
        label: "How many cover letters should we write? *",
        help: "We rank the jobs we find and write a letter for each of the best ones, up to this many.",
        rule: .single(columnsSplitAfter: 5),
        options: (1...10).map { ChoiceOption(String($0)) },
        defaultValues: ["1"])

    /// The letters' tone: one style or a mix of two.
    public static let coverLetterStyle = GeneralQuestion(
        key: .coverLetterStyle,
        label: "What style should the letters have? *\n{small}*Pick one, or a mix of two*{/small}",
        help: "Strictly professional, or something with more personality. Two picks are blended.",
        rule: .multiple(min: 1, max: 2, adjacentOnly: false),
        options: LetterStyle.allCases.map { ChoiceOption($0.rawValue) },
        defaultValues: ["Professional"])

    /// The letters' language: English, Finnish, or each ad's own language.
    public static let letterLanguage = GeneralQuestion(
        key: .letterLanguage,
        label: "Which language should the letters be in?\n{small}*Auto answers each ad in its own language*{/small}",
        help: "English for every letter, Finnish for every letter, or Auto: Finnish ads get Finnish letters.",
        rule: .single(columnsSplitAfter: nil),
        options: LetterLanguageChoice.allCases.map { ChoiceOption($0.rawValue) },
        defaultValues: [LetterLanguageChoice.english.rawValue])

    /// The question with this key.
    public static func question(_ key: GeneralQuestionKey) -> GeneralQuestion {
        switch key {
        case .jobLevel: return jobLevel
        case .jobBoards: return jobBoards
        case .deepMode: return deepMode
        case .coverLetterNum: return coverLetterNum
        case .coverLetterStyle: return coverLetterStyle
        case .letterLanguage: return letterLanguage
        }
    }
}
