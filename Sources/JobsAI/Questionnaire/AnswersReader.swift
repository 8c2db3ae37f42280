import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads the API payload (section 2.6 of the reference) into `Answers`, field by field and by key.
struct AnswersReader {
    let questionnaire: Questionnaire

    /// Top-level keys that belong to delivery, not to the worker's answers.
    private static let deliveryKeys: Set<String> = ["delivery_method", "email"]

    func read(_ payload: [String: PayloadValue]) throws(AnswersError) -> Answers {
        var sets: [QuestionSetID: PayloadValue] = [:]
        for (key, value) in payload.sorted(by: { $0.key < $1.key }) {
            if Self.deliveryKeys.contains(key) { continue }
            guard let id = QuestionSetID(payloadKey: key) else { throw .unknownField(key) }
            sets[id] = value
        }
        guard let generalValue = sets[.general] else { throw .missingField("general") }
        let general = try singleKeyItems(generalValue, field: "general")
        var experience: [TechnologyExperience] = []
        for id in QuestionSetID.technologySets {
            experience += try readTechnologies(sets[id], set: id)
        }
        var aboutYou: AboutYou?
        if let value = sets[.aboutYou] { aboutYou = try readAboutYou(value) }
        guard let description = sets[.additionalInfo] else { throw .missingField("additional-info") }
        return Answers(
            jobLevels: try readJobLevels(general),
            jobBoards: try readBoards(general),
            deepMode: try readDeepMode(general),
            coverLetterCount: try readLetterCount(general),
            letterStyles: try readStyles(general),
            experience: experience,
            personalDescription: try readDescription(description),
            aboutYou: aboutYou,
            letterLanguage: try readLanguage(general))
    }

    // MARK: General questions

    private func generalValue(_ general: [String: PayloadValue], _ key: GeneralQuestionKey) throws(AnswersError)
        -> PayloadValue
    {
        guard let value = general[key.rawValue], value != .null else {
            throw .missingField("general -> \(key.rawValue)")
        }
        return value
    }

    private func readJobLevels(_ general: [String: PayloadValue]) throws(AnswersError) -> [JobLevel] {
        let field = "general -> job-level"
        let values = try strings(try generalValue(general, .jobLevel), field: field)
        var levels: [JobLevel] = []
        for value in values {
            guard let level = JobLevel(payloadValue: value) else {
                throw .invalidValue(field: field, reason: "unknown job level \"\(value)\"")
            }
            if !levels.contains(level) { levels.append(level) }
        }
        guard !levels.isEmpty else { throw .invalidValue(field: field, reason: "pick at least one job level") }
        return levels.sorted { $0.rank > $1.rank }
    }

    private func readBoards(_ general: [String: PayloadValue]) throws(AnswersError) -> [JobBoardName] {
        let field = "general -> job-boards"
        var boards: [JobBoardName] = []
        for value in try strings(try generalValue(general, .jobBoards), field: field) {
            guard let board = JobBoardName(payloadValue: value) else {
                throw .invalidValue(field: field, reason: "unknown job board \"\(value)\"")
            }
            if !boards.contains(board) { boards.append(board) }
        }
        guard !boards.isEmpty else { throw .invalidValue(field: field, reason: "pick at least one job board") }
        return boards
    }

    private func readDeepMode(_ general: [String: PayloadValue]) throws(AnswersError) -> Bool {
        switch try generalValue(general, .deepMode) {
        case .string("Yes"), .bool(true): return true
        case .string("No"), .bool(false): return false
        default: throw .invalidValue(field: "general -> deep-mode", reason: "must be \"Yes\" or \"No\"")
        }
    }

    private func readLetterCount(_ general: [String: PayloadValue]) throws(AnswersError) -> Int {
        let field = "general -> cover-letter-num"
        let number: Int?
        switch try generalValue(general, .coverLetterNum) {
        case .number(let value) where value.rounded() == value && abs(value) < 1_000: number = Int(value)
        case .string(let text): number = Int(text.trimmingWhitespaces())
        default: number = nil
        }
        guard let count = number, (1...10).contains(count) else {
            throw .invalidValue(field: field, reason: "must be a whole number from 1 to 10")
        }
        return count
    }

    /// The letters' language; optional, English when absent.
    private func readLanguage(_ general: [String: PayloadValue]) throws(AnswersError) -> LetterLanguageChoice {
        guard let value = general[GeneralQuestionKey.letterLanguage.rawValue], value != .null else { return .english }
        guard case .string(let text) = value, let choice = LetterLanguageChoice(payloadValue: text) else {
            throw .invalidValue(
                field: "general -> letter-language", reason: "must be \"Auto\", \"English\" or \"Finnish\"")
        }
        return choice
    }

    private func readStyles(_ general: [String: PayloadValue]) throws(AnswersError) -> [LetterStyle] {
        let field = "general -> cover-letter-style"
        var styles: [LetterStyle] = []
        for value in try strings(try generalValue(general, .coverLetterStyle), field: field) {
            guard let style = LetterStyle(rawValue: value) else {
                throw .invalidValue(field: field, reason: "unknown style \"\(value)\"")
            }
            if !styles.contains(style) { styles.append(style) }
        }
        guard (1...2).contains(styles.count) else {
            throw .invalidValue(field: field, reason: "pick one or two styles")
        }
        return styles
    }

    // MARK: Technology sets

    private func readTechnologies(_ value: PayloadValue?, set id: QuestionSetID) throws(AnswersError)
        -> [TechnologyExperience]
    {
        guard let value, value != .null, let set = questionnaire.technologySet(id) else { return [] }
        let items = try singleKeyItems(value, field: id.rawValue)
        var builtIn: [String: Int] = [:]
        var customTexts: [String: String] = [:]
        var customLevels: [String: Int] = [:]
        for (key, item) in items {
            let field = "\(id.rawValue) -> \(key)"
            if key.hasPrefix("text-field") {
                if key.hasSuffix("-slider") {
                    customLevels[String(key.dropLast("-slider".count))] = try level(item, field: field)
                } else {
                    guard case .string(let text) = item else {
                        throw .invalidValue(field: field, reason: "must be a string, got \(item.typeName)")
                    }
                    let trimmed = text.trimmingWhitespacesAndNewlines()
                    guard trimmed.count <= ExperienceScale.customTextMaxLength else {
                        throw .invalidValue(
                            field: field, reason: "at most \(ExperienceScale.customTextMaxLength) characters")
                    }
                    if !trimmed.isEmpty { customTexts[key] = trimmed }
                }
            } else if set.technology(forKey: key) != nil {
                builtIn[key] = try level(item, field: field)
            } else {
                throw .unknownField(field)
            }
        }
        var result = set.technologies.compactMap { technology -> TechnologyExperience? in
            guard let level = builtIn[technology.key], level > 0 else { return nil }
            return TechnologyExperience(set: id, key: technology.key, label: technology.label, level: level)
        }
        for key in customLevels.keys.sorted() where customTexts[key] == nil && (customLevels[key] ?? 0) > 0 {
            throw .invalidValue(field: "\(id.rawValue) -> \(key)-slider", reason: "years given for an empty entry")
        }
        for key in customTexts.keys.sorted(by: Self.customOrder) {
            guard let text = customTexts[key] else { continue }
            // The original frontend sent custom texts without their years; count those as the lowest band.
            let level = customLevels[key] ?? 1
            guard level > 0 else { continue }
            if let index = result.firstIndex(where: { $0.label.lowercased() == text.lowercased() }) {
                let existing = result[index]
                result[index] = TechnologyExperience(
                    set: id, key: existing.key, label: existing.label, level: max(existing.level, level),
                    isCustom: existing.isCustom)
            } else {
                result.append(TechnologyExperience(set: id, key: text, label: text, level: level, isCustom: true))
            }
        }
        return result
    }

    /// Orders `text-field3`, `text-field3-2`, `text-field3-10` by their entry number.
    private static func customOrder(_ lhs: String, _ rhs: String) -> Bool {
        func entry(_ key: String) -> Int {
            let parts = key.split(separator: "-")
            return parts.count >= 3 ? Int(parts[2]) ?? 0 : 1
        }
        return entry(lhs) < entry(rhs)
    }

    private func level(_ value: PayloadValue, field: String) throws(AnswersError) -> Int {
        guard case .number(let number) = value, number.rounded() == number,
            number >= Double(ExperienceScale.minimum), number <= Double(ExperienceScale.maximum)
        else {
            throw .invalidValue(field: field, reason: "must be a whole number from 0 to 7")
        }
        return Int(number)
    }

    // MARK: Personal description and About you

    private func readDescription(_ value: PayloadValue) throws(AnswersError) -> String {
        let field = "additional-info"
        let text: PayloadValue
        switch value {
        case .string: text = value
        default: text = try singleKeyItems(value, field: field)["additional-info"] ?? .null
        }
        guard case .string(let description) = text else {
            throw .invalidValue(field: "\(field) -> additional-info", reason: "must be a string")
        }
        guard description.count <= PersonalDescription.maxLength else {
            throw .invalidValue(
                field: "\(field) -> additional-info", reason: "at most \(PersonalDescription.maxLength) characters")
        }
        return description
    }

    private func readAboutYou(_ value: PayloadValue) throws(AnswersError) -> AboutYou? {
        let setName = QuestionSetID.aboutYou.rawValue
        var about = AboutYou()
        for (key, item) in try singleKeyItems(value, field: setName) {
            guard let field = AboutYouField(rawValue: key) else { throw .unknownField("\(setName) -> \(key)") }
            let path = "\(setName) -> \(key)"
            if item == .null { continue }
            if field == .links {
                let links = try strings(item, field: path).map { $0.trimmingWhitespaces() }
                    .filter { !$0.isEmpty }
                guard links.count <= AboutYouField.maxLinks else {
                    throw .invalidValue(field: path, reason: "at most \(AboutYouField.maxLinks) links")
                }
                guard links.allSatisfy({ $0.count <= field.maxLength }) else {
                    throw .invalidValue(field: path, reason: "a link is longer than \(field.maxLength) characters")
                }
                about.links = links
                continue
            }
            guard case .string(let raw) = item else {
                throw .invalidValue(field: path, reason: "must be a string, got \(item.typeName)")
            }
            let text = raw.trimmingWhitespacesAndNewlines()
            guard text.count <= field.maxLength else {
                throw .invalidValue(field: path, reason: "at most \(field.maxLength) characters")
            }
            let kept = text.isEmpty ? nil : text
            switch field {
            case .name: about.name = kept
            case .email: about.email = kept
            case .phone: about.phone = kept
            case .city: about.city = kept
            case .links: break
            }
        }
        return about.isEmpty ? nil : about
    }

    // MARK: Shapes

    /// Merges an array of single-key objects (or a plain object) into one dictionary, refusing duplicates.
    private func singleKeyItems(_ value: PayloadValue, field: String) throws(AnswersError) -> [String: PayloadValue] {
        switch value {
        case .object(let object):
            return object
        case .array(let items):
            var merged: [String: PayloadValue] = [:]
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item, object.count == 1, let (key, inner) = object.first else {
                    throw .invalidValue(field: "\(field) -> \(index)", reason: "must be an object with exactly one key")
                }
                guard merged[key] == nil else {
                    throw .invalidValue(field: "\(field) -> \(key)", reason: "given more than once")
                }
                merged[key] = inner
            }
            return merged
        default:
            throw .invalidValue(field: field, reason: "must be an array of single-key objects, got \(value.typeName)")
        }
    }

    /// A list of strings, accepting a bare string as a one-item list.
    private func strings(_ value: PayloadValue, field: String) throws(AnswersError) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .array(let items):
            var result: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw .invalidValue(field: "\(field) -> \(index)", reason: "must be a string")
                }
                result.append(text)
            }
            return result
        default:
            throw .invalidValue(field: field, reason: "must be a list of strings, got \(value.typeName)")
        }
    }
}
