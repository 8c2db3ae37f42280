import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The technology sets, the personal description and the "About you" set.
extension AnswersParser {
    /// Every technology of the set with a non-zero answer: built-ins in the set's order, then the added ones by
    /// entry number (one named like a built-in raises that built-in's years instead).
    func readTechnologies(_ value: PayloadValue, set: TechnologySet, into report: inout ProblemList)
        -> [TechnologyExperience]
    {
        let name = set.id.rawValue
        guard let items = SingleKeyItems(value, field: name, into: &report) else { return [] }
        var builtIn: [String: Int] = [:]
        var names: [Int: String] = [:]
        // Entries with a name, even one refused as too long: their years are not "without a name".
        var named: Set<Int> = []
        var sliders: [Int: Int] = [:]
        for (key, item) in items.entries {
            let field = "\(name).\(key)"
            if set.technology(forKey: key) != nil {
                if let level = readLevel(item, field: field, into: &report) { builtIn[key] = level }
                continue
            }
            guard let custom = CustomEntryKey(key, slot: set.customSlot) else {
                report.add(field, unknownTechnologyMessage(key, set: set))
                continue
            }
            guard custom.entry <= TechnologySet.maxCustomEntries else {
                report.add(field, "At most \(TechnologySet.maxCustomEntries) added technologies per set.")
                continue
            }
            if custom.isSlider {
                if let level = readLevel(item, field: field, into: &report) { sliders[custom.entry] = level }
                continue
            }
            guard case .string(let raw) = item else {
                report.add(field, "Type the technology's name as text.")
                continue
            }
            let text = raw.trimmingWhitespacesAndNewlines()
            if text.isEmpty { continue }
            named.insert(custom.entry)
            guard text.count <= ExperienceScale.customTextMaxLength else {
                report.add(field, "Keep the name to \(ExperienceScale.customTextMaxLength) characters or fewer.")
                continue
            }
            names[custom.entry] = text
        }
        for (entry, level) in sliders.sorted(by: { $0.key < $1.key }) where level > 0 && !named.contains(entry) {
            report.add(
                "\(name).\(set.customSliderKey(entry: entry))",
                "Years are set for an added technology without a name; type its name or set the years to 0.")
        }
        var result = set.technologies.compactMap { technology -> TechnologyExperience? in
            guard let level = builtIn[technology.key], level > 0 else { return nil }
            return TechnologyExperience(set: set.id, key: technology.key, label: technology.label, level: level)
        }
        for (entry, text) in names.sorted(by: { $0.key < $1.key }) {
            // The original frontend sent added names without their years; count those as the lowest band.
            let level = sliders[entry] ?? 1
            guard level > 0 else { continue }
            if let index = result.firstIndex(where: { $0.label.lowercased() == text.lowercased() }) {
                let existing = result[index]
                result[index] = TechnologyExperience(
                    set: set.id, key: existing.key, label: existing.label, level: max(existing.level, level),
                    isCustom: existing.isCustom)
            } else {
                result.append(TechnologyExperience(set: set.id, key: text, label: text, level: level, isCustom: true))
            }
        }
        return result
    }

    private func unknownTechnologyMessage(_ key: String, set: TechnologySet) -> String {
        if key.hasPrefix("text-field") {
            return "Added technologies in this set use the keys \(set.customTextKey(entry: 1)), "
                + "\(set.customTextKey(entry: 2)), ... with \(set.customSliderKey(entry: 1)) for their years."
        }
        return "Not a technology of this set; add it with \(set.customTextKey(entry: 1)) instead."
    }

    private func readLevel(_ value: PayloadValue, field: String, into report: inout ProblemList) -> Int? {
        guard case .number(let number) = value, number.rounded() == number,
            number >= Double(ExperienceScale.minimum), number <= Double(ExperienceScale.maximum)
        else {
            report.add(
                field,
                "Set the years as a whole number from \(ExperienceScale.minimum) (none) to "
                    + "\(ExperienceScale.maximum) (over three years).")
            return nil
        }
        return Int(number)
    }

    // MARK: Personal description

    /// The description as typed: a bare string, or the set's one `additional-info` item.
    func readDescription(_ value: PayloadValue, into report: inout ProblemList) -> String? {
        let field = "additional-info"
        let text: PayloadValue?
        switch value {
        case .string: text = value
        case .array(let items) where items.count != 1:
            report.add(field, "Send exactly one item: [{\"additional-info\": \"your text\"}].")
            return nil
        default:
            guard let items = SingleKeyItems(value, field: field, into: &report) else { return nil }
            for (key, _) in items.entries where key != field {
                report.add("\(field).\(key)", "Unknown field; the description's key is \"additional-info\".")
            }
            text = items[field]
        }
        guard case .string(let description) = text else {
            report.add(field, "Write a short personal description as text.")
            return nil
        }
        if description.trimmingWhitespacesAndNewlines().isEmpty {
            report.add(
                field, "Please provide a personal description to help us find the most relevant jobs for you.")
            return nil
        }
        if description.count > PersonalDescription.maxLength {
            report.add(
                field,
                "Shorten the description to \(PersonalDescription.maxLength) characters or fewer "
                    + "(it has \(description.count)).")
            return nil
        }
        return description
    }

    // MARK: About you

    /// The contact details, trimmed; nil when every one is empty.
    func readAboutYou(_ value: PayloadValue, into report: inout ProblemList) -> AboutYou? {
        let name = QuestionSetID.aboutYou.rawValue
        guard let items = SingleKeyItems(value, field: name, into: &report) else { return nil }
        var about = AboutYou()
        for (key, item) in items.entries {
            let field = "\(name).\(key)"
            guard let kind = AboutYouField(rawValue: key) else {
                let known = AboutYouField.allCases.map(\.rawValue).joined(separator: ", ")
                report.add(field, "Unknown field; this set has \(known).")
                continue
            }
            if item == .null { continue }
            if kind == .links {
                if let links = readLinks(item, field: field, into: &report) { about.links = links }
                continue
            }
            guard case .string(let raw) = item else {
                report.add(field, "Must be text.")
                continue
            }
            let text = raw.trimmingWhitespacesAndNewlines()
            if text.count > kind.maxLength {
                report.add(field, "Keep it to \(kind.maxLength) characters or fewer.")
                continue
            } else if kind == .email && !text.isEmpty && !Self.looksLikeEmail(text) {
                report.add(field, "Enter an address like name@example.com, or leave it empty.")
                continue
            } else if text.contains(where: { $0.isNewline }) {
                report.add(field, "Keep it on one line.")
                continue
            }
            let kept = text.isEmpty ? nil : text
            switch kind {
            case .name: about.name = kept
            case .email: about.email = kept
            case .phone: about.phone = kept
            case .city: about.city = kept
            case .links: break
            }
        }
        return about.isEmpty ? nil : about
    }

    /// The non-empty links, trimmed.
    private func readLinks(_ value: PayloadValue, field: String, into report: inout ProblemList) -> [String]? {
        guard let links = stringList(value) else {
            report.add(field, "Must be a list of web addresses.")
            return nil
        }
        let kept = links.map { $0.trimmingWhitespaces() }.filter { !$0.isEmpty }
        var valid = true
        if kept.count > AboutYouField.maxLinks {
            report.add(field, "At most \(AboutYouField.maxLinks) links.")
            valid = false
        }
        for link in kept {
            if link.count > AboutYouField.links.maxLength {
                report.add(field, "Keep each link to \(AboutYouField.links.maxLength) characters or fewer.")
                valid = false
            } else if !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.contains(" ") {
                report.add(field, "\"\(link)\" is not a web address; start it with https://.")
                valid = false
            }
        }
        return valid ? kept : nil
    }

    /// `something@domain.tld` without spaces, as the original frontend checked.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
