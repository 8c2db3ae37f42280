#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The questionnaire as the JSON `GET /api/questionnaire` serves: every set, key, label, default, option,
/// rule, limit and help text, so a page can render the form and check it the way the API will.
public struct QuestionnaireDocument: Sendable, Encodable {
    /// Bumped when the shape changes.
    public var version = 1
    /// The slider scale shared by every technology.
    public var scale: Scale
    /// The ten numbered sets in order.
    public var sets: [QuestionSet]
    /// The optional "About you" set (not numbered; never sent to a writer).
    public var aboutYou: AboutYouSet
    /// Request-wide limits.
    public var limits: Limits

    /// The 0...7 scale.
    public struct Scale: Sendable, Encodable {
        public var min: Int
        public var max: Int
        public var captions: [String]
        public var meanings: [String]
    }

    /// One numbered set: `general`, a technology set, or `text` (the personal description).
    public struct QuestionSet: Sendable, Encodable {
        public var number: Int
        public var key: String
        /// `general`, `technologies` or `text`.
        public var kind: String
        public var title: String
        /// The set's name in a word or two, for tabs.
        public var shortTitle: String
        public var help: String
        public var required: Bool
        public var questions: [Question]?
        public var technologies: [TechnologyItem]?
        public var custom: CustomEntries?
        public var text: TextQuestion?
    }

    /// A general question.
    public struct Question: Sendable, Encodable {
        public var key: String
        public var label: String
        public var help: String
        /// `checkboxes` or `radio`.
        public var control: String
        public var required: Bool
        public var minPicks: Int
        public var maxPicks: Int
        /// With two picks, they must be neighbours in `options` order.
        public var adjacentOnly: Bool
        /// Radio lists laid out in two columns split after this many options.
        public var columnsSplitAfter: Int?
        public var options: [Option]
        public var `default`: [String]
        /// How the answer is sent: `string_list`, `string` or `integer`.
        public var valueType: String
    }

    /// An option of a general question.
    public struct Option: Sendable, Encodable {
        public var value: String
        public var label: String
    }

    /// One technology slider.
    public struct TechnologyItem: Sendable, Encodable {
        public var key: String
        public var label: String
        public var `default`: Int
    }

    /// The "Add more" entries of a technology set.
    public struct CustomEntries: Sendable, Encodable {
        /// The first entry's text key; entry n >= 2 is `{text_key}-{n}`.
        public var textKey: String
        /// Appended to an entry's text key for its years.
        public var sliderSuffix: String
        public var maxLength: Int
        public var maxEntries: Int
        public var help: String
    }

    /// The personal description's text area.
    public struct TextQuestion: Sendable, Encodable {
        public var key: String
        public var maxLength: Int
        public var hint: String
        public var `default`: String
    }

    /// The "About you" set.
    public struct AboutYouSet: Sendable, Encodable {
        public var key: String
        public var title: String
        public var shortTitle: String
        public var help: String
        public var required: Bool
        public var fields: [AboutYouItem]
    }

    /// One "About you" field: `text`, `email`, `tel` or `links` (a list of web addresses).
    public struct AboutYouItem: Sendable, Encodable {
        public var key: String
        public var label: String
        public var type: String
        public var maxLength: Int
        public var maxItems: Int?
    }

    /// Limits of the start request.
    public struct Limits: Sendable, Encodable {
        public var maxBodyBytes: Int
        public var coverLetters: Range
        public var stepCount: Int
    }

    /// An inclusive range.
    public struct Range: Sendable, Encodable {
        public var min: Int
        public var max: Int
    }

    /// The largest start request body accepted.
    public static let maxBodyBytes = 64 * 1024
    /// Shown under every technology set.
    public static let technologyHelp =
        "Move each slider to your experience with the technology; leave it at 0 yrs if you have none."
    /// Shown beside "Add more".
    public static let customHelp =
        "Missing something? Add it with its own slider. Names already in the list are merged with them."

    public init(_ questionnaire: Questionnaire = .standard) {
        scale = Scale(
            min: ExperienceScale.minimum, max: ExperienceScale.maximum, captions: ExperienceScale.captions,
            meanings: ExperienceScale.meanings)
        var sets = [
            QuestionSet(
                number: 1, key: QuestionSetID.general.rawValue, kind: "general", title: questionnaire.generalTitle,
                shortTitle: QuestionSetID.general.shortTitle, help: "All five questions are required.", required: true,
                questions: questionnaire.general.map(Self.question))
        ]
        for (offset, set) in questionnaire.technologySets.enumerated() {
            sets.append(
                QuestionSet(
                    number: offset + 2, key: set.id.rawValue, kind: "technologies", title: set.title,
                    shortTitle: set.id.shortTitle, help: Self.technologyHelp, required: false,
                    technologies: set.technologies.map {
                        TechnologyItem(key: $0.key, label: $0.label, default: $0.defaultYears)
                    },
                    custom: CustomEntries(
                        textKey: set.customTextKey(entry: 1), sliderSuffix: "-slider",
                        maxLength: ExperienceScale.customTextMaxLength, maxEntries: TechnologySet.maxCustomEntries,
                        help: Self.customHelp)))
        }
        sets.append(
            QuestionSet(
                number: questionnaire.numberedSetCount, key: QuestionSetID.additionalInfo.rawValue, kind: "text",
                title: questionnaire.personalDescriptionTitle,
                shortTitle: QuestionSetID.additionalInfo.shortTitle, help: PersonalDescription.guidance, required: true,
                text: TextQuestion(
                    key: QuestionSetID.additionalInfo.rawValue, maxLength: PersonalDescription.maxLength,
                    hint: PersonalDescription.hint, default: PersonalDescription.defaultText)))
        self.sets = sets
        aboutYou = AboutYouSet(
            key: QuestionSetID.aboutYou.rawValue, title: AboutYouField.title,
            shortTitle: QuestionSetID.aboutYou.shortTitle, help: AboutYouField.help,
            required: false,
            fields: AboutYouField.allCases.map { field in
                let type: String
                switch field {
                case .email: type = "email"
                case .phone: type = "tel"
                case .links: type = "links"
                case .name, .city: type = "text"
                }
                return AboutYouItem(
                    key: field.rawValue, label: field.label, type: type, maxLength: field.maxLength,
                    maxItems: field == .links ? AboutYouField.maxLinks : nil)
            })
        limits = Limits(
            maxBodyBytes: Self.maxBodyBytes, coverLetters: Range(min: 1, max: 10), stepCount: JobPhase.stepCount)
    }

    private static func question(_ question: GeneralQuestion) -> Question {
        let control: String
        let minimum: Int
        let maximum: Int
        let adjacent: Bool
        let split: Int?
        switch question.rule {
        case .multiple(let low, let high, let adjacentOnly):
            (control, minimum, maximum, adjacent, split) = ("checkboxes", low, high, adjacentOnly, nil)
        case .single(let columnsSplitAfter):
            (control, minimum, maximum, adjacent, split) = ("radio", 1, 1, false, columnsSplitAfter)
        }
        let valueType: String
        switch question.key {
        case .coverLetterNum: valueType = "integer"
        case .deepMode, .letterLanguage: valueType = "string"
        case .jobLevel, .jobBoards, .coverLetterStyle: valueType = "string_list"
        }
        return Question(
            key: question.key.rawValue, label: question.label, help: question.help, control: control,
            required: question.isRequired, minPicks: minimum, maxPicks: maximum, adjacentOnly: adjacent,
            columnsSplitAfter: split, options: question.options.map { Option(value: $0.value, label: $0.label) },
            default: question.defaultValues, valueType: valueType)
    }

    /// The document as JSON with snake_case keys (sorted, so it is byte-for-byte stable).
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            // Every member is a string, number, bool or an array or struct of them: this cannot happen.
            preconditionFailure("the questionnaire cannot be encoded: \(error)")
        }
    }
}
