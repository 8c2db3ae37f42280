import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads a start request's payload (section 2.6 of the reference) into `Answers` by key, in one walk that checks
/// every rule of the questionnaire: it returns the answers, or throws every problem it found (not only the first)
/// with the field's path. The API refuses what it throws; the worker reads what the API accepted.
public struct AnswersParser: Sendable {
    public let questionnaire: Questionnaire

    public init(questionnaire: Questionnaire = .standard) {
        self.questionnaire = questionnaire
    }

    /// Top-level keys of the original payload that are about delivery; only browser download is offered.
    static let deliveryMethodKey = "delivery_method"
    static let emailKey = "email"

    /// The answers of `payload`, or every problem of it in a stable order.
    public func parse(_ payload: PayloadValue) throws(AnswersError) -> Answers {
        guard case .object(let object) = payload else {
            throw AnswersError("body", "Send a JSON object with one member per question set.")
        }
        var report = ProblemList()
        var seen: [QuestionSetID: String] = [:]
        for key in object.keys.sorted() {
            if key == Self.deliveryMethodKey || key == Self.emailKey { continue }
            guard let id = QuestionSetID(payloadKey: key) else {
                report.add(key, "Unknown field; the question sets are \(Self.setNames).")
                continue
            }
            if let earlier = seen[id] {
                report.add(key, "Given twice (also as \"\(earlier)\"); send each question set once.")
                continue
            }
            seen[id] = key
        }
        checkDelivery(object, into: &report)
        var general: GeneralAnswers?
        if let key = seen[.general], let value = object[key] {
            general = readGeneral(value, into: &report)
        } else {
            report.add("general", "Missing: answer the general questions.")
        }
        var experience: [TechnologyExperience] = []
        for id in QuestionSetID.technologySets {
            guard let key = seen[id], let value = object[key], value != .null,
                let set = questionnaire.technologySet(id)
            else { continue }
            experience += readTechnologies(value, set: set, into: &report)
        }
        var description: String?
        if let key = seen[.additionalInfo], let value = object[key] {
            description = readDescription(value, into: &report)
        } else {
            report.add("additional-info", "Missing: write a short personal description.")
        }
        var aboutYou: AboutYou?
        if let key = seen[.aboutYou], let value = object[key], value != .null {
            aboutYou = readAboutYou(value, into: &report)
        }
        // Every reader that returns nil has reported why, so the answers are complete exactly when nothing was.
        guard report.problems.isEmpty, let general, let description else {
            throw AnswersError(problems: report.problems)
        }
        return Answers(
            jobLevels: general.jobLevels, jobBoards: general.jobBoards, deepMode: general.deepMode,
            coverLetterCount: general.coverLetterCount, letterStyles: general.letterStyles, experience: experience,
            personalDescription: description, aboutYou: aboutYou, letterLanguage: general.letterLanguage)
    }

    private static let setNames = QuestionSetID.allCases.map(\.rawValue).joined(separator: ", ")

    // MARK: Delivery

    private func checkDelivery(_ object: [String: PayloadValue], into report: inout ProblemList) {
        switch object[Self.deliveryMethodKey] {
        case nil, .null, .string("download"): break
        case .string("email"):
            report.add(
                Self.deliveryMethodKey, "Email delivery is not offered; use \"download\" and save the letters here.")
        default:
            report.add(Self.deliveryMethodKey, "Must be \"download\" (or left out).")
        }
        switch object[Self.emailKey] {
        case nil, .null, .string(""): break
        default:
            report.add(Self.emailKey, "Leave this out: letters are downloaded, and we do not store email addresses.")
        }
    }

    // MARK: General questions

    /// Set 1's answers.
    private struct GeneralAnswers {
        var jobLevels: [JobLevel]
        var jobBoards: [JobBoardName]
        var deepMode: Bool
        var coverLetterCount: Int
        var letterStyles: [LetterStyle]
        var letterLanguage: LetterLanguageChoice
    }

    private func readGeneral(_ value: PayloadValue, into report: inout ProblemList) -> GeneralAnswers? {
        guard let items = SingleKeyItems(value, field: "general", into: &report) else { return nil }
        for (key, _) in items.entries where GeneralQuestionKey(rawValue: key) == nil {
            report.add("general.\(key)", "Unknown question; the general questions are \(Self.generalKeys).")
        }
        var levels: [JobLevel]?
        var boards: [JobBoardName]?
        var deepMode: Bool?
        var letterCount: Int?
        var styles: [LetterStyle]?
        var language = LetterLanguageChoice.english
        // Every question of the payload's format, so each required one is either read or reported.
        for question in GeneralQuestionKey.allCases.map(GeneralQuestion.question) {
            let field = "general.\(question.key.rawValue)"
            guard let answer = items[question.key.rawValue], answer != .null else {
                if question.isRequired {
                    report.add(field, "Missing: answer \"\(Self.plainLabel(question.label))\" (required).")
                }
                continue
            }
            switch question.key {
            case .jobLevel: levels = readJobLevels(answer, field: field, into: &report)
            case .jobBoards:
                boards = readPicks(answer, question: question, field: field, into: &report) {
                    JobBoardName(payloadValue: $0)
                }
            case .deepMode:
                switch answer {
                case .string("Yes"), .bool(true): deepMode = true
                case .string("No"), .bool(false): deepMode = false
                default: report.add(field, "Choose \"Yes\" or \"No\".")
                }
            case .coverLetterNum: letterCount = readLetterCount(answer, field: field, into: &report)
            case .coverLetterStyle:
                styles = readPicks(answer, question: question, field: field, into: &report) {
                    LetterStyle(rawValue: $0)
                }
            case .letterLanguage:
                guard case .string(let text) = answer, let choice = LetterLanguageChoice(payloadValue: text) else {
                    report.add(field, "Choose one of \"Auto\", \"English\" or \"Finnish\".")
                    break
                }
                language = choice
            }
        }
        guard let levels, let boards, let deepMode, let letterCount, let styles else { return nil }
        return GeneralAnswers(
            jobLevels: levels, jobBoards: boards, deepMode: deepMode, coverLetterCount: letterCount,
            letterStyles: styles, letterLanguage: language)
    }

    /// A label's first line without the mini-markup: `Deep search? *\n{small}...` -> `Deep search?`.
    static func plainLabel(_ label: String) -> String {
        let firstLine = label.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? label
        var text = firstLine.replacing("*", with: "")
        for tag in ["{small}", "{/small}"] { text = text.replacing(tag, with: "") }
        return text.trimmingWhitespaces()
    }

    private static let generalKeys = GeneralQuestionKey.allCases.map(\.rawValue).joined(separator: ", ")

    /// Checkbox answers: known options without repeats, in the order given, between the question's minimum and
    /// maximum picks.
    private func readPicks<Option: Hashable>(
        _ value: PayloadValue, question: GeneralQuestion, field: String, into report: inout ProblemList,
        option: (String) -> Option?
    ) -> [Option]? {
        guard let texts = stringList(value) else {
            report.add(field, "Must be a list of options, e.g. [\"\(question.options[0].value)\"].")
            return nil
        }
        var picks: [Option] = []
        var unknown: [String] = []
        for text in texts {
            guard let pick = option(text) else {
                unknown.append(text)
                continue
            }
            if !picks.contains(pick) { picks.append(pick) }
        }
        let choices = question.options.map { "\"\($0.value)\"" }.joined(separator: ", ")
        if !unknown.isEmpty {
            let names = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            report.add(field, "Unknown option \(names); choose from \(choices).")
            return nil
        }
        guard case .multiple(let minimum, let maximum, _) = question.rule else { return picks }
        if picks.count < minimum {
            report.add(field, "Pick at least \(minimum) of \(choices).")
            return nil
        }
        if picks.count > maximum {
            report.add(field, "Pick at most \(maximum).")
            return nil
        }
        return picks
    }

    /// One level or two adjacent ones, most senior first.
    private func readJobLevels(_ value: PayloadValue, field: String, into report: inout ProblemList) -> [JobLevel]? {
        let levels = readPicks(value, question: .jobLevel, field: field, into: &report) {
            JobLevel(payloadValue: $0)
        }
        guard let levels else { return nil }
        if levels.count == 2 && !levels[0].isAdjacent(to: levels[1]) {
            report.add(
                field,
                "Two levels must be next to each other (Expert-level and Intermediate, Intermediate and Entry, "
                    + "or Entry and Intern).")
            return nil
        }
        return levels.sorted { $0.rank > $1.rank }
    }

    private func readLetterCount(_ value: PayloadValue, field: String, into report: inout ProblemList) -> Int? {
        let count: Int?
        switch value {
        case .number(let number) where number.rounded() == number && abs(number) < 1_000: count = Int(number)
        case .string(let text): count = Int(text.trimmingWhitespaces())
        default: count = nil
        }
        guard let count, (1...10).contains(count) else {
            report.add(field, "Choose a whole number of letters from 1 to 10.")
            return nil
        }
        return count
    }
}
