import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checks a start request's payload against every rule of the questionnaire, by key, and lists every
/// problem it finds (not only the first) with the field's path. `Answers.read` accepts what passes.
public struct AnswersValidator: Sendable {
    public let questionnaire: Questionnaire

    public init(questionnaire: Questionnaire = .standard) {
        self.questionnaire = questionnaire
    }

    /// Top-level keys of the original payload that are about delivery; only browser download is offered.
    static let deliveryMethodKey = "delivery_method"
    static let emailKey = "email"

    /// Every problem of the payload, in a stable order; empty when it is acceptable.
    public func problems(in payload: PayloadValue) -> [FieldProblem] {
        var report = ProblemList()
        guard case .object(let object) = payload else {
            report.add("body", "Send a JSON object with one member per question set.")
            return report.problems
        }
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
        if let key = seen[.general], let value = object[key] {
            checkGeneral(value, into: &report)
        } else {
            report.add("general", "Missing: answer the general questions.")
        }
        for id in QuestionSetID.technologySets {
            guard let key = seen[id], let value = object[key], value != .null,
                let set = questionnaire.technologySet(id)
            else { continue }
            checkTechnologies(value, set: set, into: &report)
        }
        if let key = seen[.additionalInfo], let value = object[key] {
            checkDescription(value, into: &report)
        } else {
            report.add("additional-info", "Missing: write a short personal description.")
        }
        if let key = seen[.aboutYou], let value = object[key], value != .null {
            checkAboutYou(value, into: &report)
        }
        return report.problems
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

    private func checkGeneral(_ value: PayloadValue, into report: inout ProblemList) {
        guard let items = SingleKeyItems(value, field: "general", into: &report) else { return }
        for (key, _) in items.entries where GeneralQuestionKey(rawValue: key) == nil {
            report.add("general.\(key)", "Unknown question; the general questions are \(Self.generalKeys).")
        }
        for question in questionnaire.general {
            let field = "general.\(question.key.rawValue)"
            guard let answer = items[question.key.rawValue], answer != .null else {
                if question.isRequired {
                    report.add(field, "Missing: answer \"\(Self.plainLabel(question.label))\" (required).")
                }
                continue
            }
            switch question.key {
            case .jobLevel: checkJobLevels(answer, field: field, into: &report)
            case .jobBoards:
                checkPicks(answer, question: question, field: field, into: &report) { JobBoardName(payloadValue: $0) }
            case .deepMode:
                switch answer {
                case .string("Yes"), .string("No"), .bool: break
                default: report.add(field, "Choose \"Yes\" or \"No\".")
                }
            case .coverLetterNum: checkLetterCount(answer, field: field, into: &report)
            case .coverLetterStyle:
                checkPicks(answer, question: question, field: field, into: &report) { LetterStyle(rawValue: $0) }
            case .letterLanguage:
                guard case .string(let text) = answer, LetterLanguageChoice(payloadValue: text) != nil else {
                    report.add(field, "Choose one of \"Auto\", \"English\" or \"Finnish\".")
                    break
                }
            }
        }
    }

    /// A label's first line without the mini-markup: `Deep search? *\n{small}...` -> `Deep search?`.
    static func plainLabel(_ label: String) -> String {
        let firstLine = label.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? label
        var text = firstLine.replacing("*", with: "")
        for tag in ["{small}", "{/small}"] { text = text.replacing(tag, with: "") }
        return text.trimmingWhitespaces()
    }

    private static let generalKeys = GeneralQuestionKey.allCases.map(\.rawValue).joined(separator: ", ")

    /// Checkbox answers: a list of known options, between the question's minimum and maximum picks.
    @discardableResult
    private func checkPicks<Option: Hashable>(
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

    private func checkJobLevels(_ value: PayloadValue, field: String, into report: inout ProblemList) {
        let question = GeneralQuestion.jobLevel
        let levels = checkPicks(value, question: question, field: field, into: &report) {
            JobLevel(payloadValue: $0)
        }
        guard let levels else { return }
        if levels.count == 2 && !levels[0].isAdjacent(to: levels[1]) {
            report.add(
                field,
                "Two levels must be next to each other (Expert-level and Intermediate, Intermediate and Entry, "
                    + "or Entry and Intern).")
        }
    }

    private func checkLetterCount(_ value: PayloadValue, field: String, into report: inout ProblemList) {
        let count: Int?
        switch value {
        case .number(let number) where number.rounded() == number && abs(number) < 1_000: count = Int(number)
        case .string(let text): count = Int(text.trimmingWhitespaces())
        default: count = nil
        }
        guard let count, (1...10).contains(count) else {
            report.add(field, "Choose a whole number of letters from 1 to 10.")
            return
        }
    }
}

/// The problems found so far, in the order found.
struct ProblemList {
    private(set) var problems: [FieldProblem] = []

    mutating func add(_ field: String, _ message: String) {
        problems.append(FieldProblem(field: field, message: message))
    }
}

/// A question set's items (an array of single-key objects, or one object) merged by key, keeping their order.
struct SingleKeyItems {
    private(set) var entries: [(key: String, value: PayloadValue)] = []
    private var index: [String: PayloadValue] = [:]

    subscript(_ key: String) -> PayloadValue? { index[key] }

    /// Reports shape problems (`set[2]` not a single-key object, a key given twice); nil when unusable.
    init?(_ value: PayloadValue, field: String, into report: inout ProblemList) {
        switch value {
        case .object(let object):
            for key in object.keys.sorted() { append(key, object[key] ?? .null) }
        case .array(let items):
            for (position, item) in items.enumerated() {
                guard case .object(let object) = item, object.count == 1, let (key, inner) = object.first else {
                    report.add("\(field)[\(position)]", "Each item must be an object with exactly one key.")
                    continue
                }
                guard index[key] == nil else {
                    report.add("\(field).\(key)", "Given more than once; send each answer once.")
                    continue
                }
                append(key, inner)
            }
        default:
            report.add(field, "Must be a list of single-key objects, not a \(value.typeName).")
            return nil
        }
    }

    private mutating func append(_ key: String, _ value: PayloadValue) {
        entries.append((key, value))
        index[key] = value
    }
}

/// A list of strings; a bare string counts as a one-item list, as the original frontend sometimes sent.
func stringList(_ value: PayloadValue) -> [String]? {
    switch value {
    case .string(let text): return [text]
    case .array(let items):
        var texts: [String] = []
        for item in items {
            guard case .string(let text) = item else { return nil }
            texts.append(text)
        }
        return texts
    default: return nil
    }
}
