import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The rules of the technology sets, the personal description and the "About you" set.
extension AnswersValidator {
    /// The most "Add more" entries a technology set accepts.
    public static let maxCustomEntries = TechnologySet.maxCustomEntries

    func checkTechnologies(_ value: PayloadValue, set: TechnologySet, into report: inout ProblemList) {
        let name = set.id.rawValue
        guard let items = SingleKeyItems(value, field: name, into: &report) else { return }
        // Entries with a name, even one refused as too long: their years are not "without a name".
        var named: Set<Int> = []
        var sliders: [Int: Int] = [:]
        for (key, item) in items.entries {
            let field = "\(name).\(key)"
            if set.technology(forKey: key) != nil {
                _ = checkLevel(item, field: field, into: &report)
                continue
            }
            guard let custom = CustomEntryKey(key, slot: set.customSlot) else {
                report.add(field, unknownTechnologyMessage(key, set: set))
                continue
            }
            guard custom.entry <= Self.maxCustomEntries else {
                report.add(field, "At most \(Self.maxCustomEntries) added technologies per set.")
                continue
            }
            if custom.isSlider {
                if let level = checkLevel(item, field: field, into: &report) { sliders[custom.entry] = level }
                continue
            }
            guard case .string(let raw) = item else {
                report.add(field, "Type the technology's name as text.")
                continue
            }
            let text = raw.trimmingWhitespacesAndNewlines()
            if text.count > ExperienceScale.customTextMaxLength {
                report.add(field, "Keep the name to \(ExperienceScale.customTextMaxLength) characters or fewer.")
            }
            if !text.isEmpty { named.insert(custom.entry) }
        }
        for (entry, level) in sliders.sorted(by: { $0.key < $1.key }) where level > 0 && !named.contains(entry) {
            report.add(
                "\(name).\(set.customSliderKey(entry: entry))",
                "Years are set for an added technology without a name; type its name or set the years to 0.")
        }
    }

    private func unknownTechnologyMessage(_ key: String, set: TechnologySet) -> String {
        if key.hasPrefix("text-field") {
            return "Added technologies in this set use the keys \(set.customTextKey(entry: 1)), "
                + "\(set.customTextKey(entry: 2)), ... with \(set.customSliderKey(entry: 1)) for their years."
        }
        return "Not a technology of this set; add it with \(set.customTextKey(entry: 1)) instead."
    }

    private func checkLevel(_ value: PayloadValue, field: String, into report: inout ProblemList) -> Int? {
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

    func checkDescription(_ value: PayloadValue, into report: inout ProblemList) {
        let field = "additional-info"
        let text: PayloadValue?
        switch value {
        case .string: text = value
        case .array(let items) where items.count != 1:
            report.add(field, "Send exactly one item: [{\"additional-info\": \"your text\"}].")
            return
        default:
            guard let items = SingleKeyItems(value, field: field, into: &report) else { return }
            for (key, _) in items.entries where key != field {
                report.add("\(field).\(key)", "Unknown field; the description's key is \"additional-info\".")
            }
            text = items[field]
        }
        guard case .string(let description) = text else {
            report.add(field, "Write a short personal description as text.")
            return
        }
        if description.trimmingWhitespacesAndNewlines().isEmpty {
            report.add(
                field, "Please provide a personal description to help us find the most relevant jobs for you.")
        } else if description.count > PersonalDescription.maxLength {
            report.add(
                field,
                "Shorten the description to \(PersonalDescription.maxLength) characters or fewer "
                    + "(it has \(description.count)).")
        }
    }

    // MARK: About you

    func checkAboutYou(_ value: PayloadValue, into report: inout ProblemList) {
        let name = QuestionSetID.aboutYou.rawValue
        guard let items = SingleKeyItems(value, field: name, into: &report) else { return }
        for (key, item) in items.entries {
            let field = "\(name).\(key)"
            guard let kind = AboutYouField(rawValue: key) else {
                let known = AboutYouField.allCases.map(\.rawValue).joined(separator: ", ")
                report.add(field, "Unknown field; this set has \(known).")
                continue
            }
            if item == .null { continue }
            if kind == .links {
                checkLinks(item, field: field, into: &report)
                continue
            }
            guard case .string(let raw) = item else {
                report.add(field, "Must be text.")
                continue
            }
            let text = raw.trimmingWhitespacesAndNewlines()
            if text.count > kind.maxLength {
                report.add(field, "Keep it to \(kind.maxLength) characters or fewer.")
            } else if kind == .email && !text.isEmpty && !Self.looksLikeEmail(text) {
                report.add(field, "Enter an address like name@example.com, or leave it empty.")
            } else if text.contains(where: { $0.isNewline }) {
                report.add(field, "Keep it on one line.")
            }
        }
    }

    private func checkLinks(_ value: PayloadValue, field: String, into report: inout ProblemList) {
        guard let links = stringList(value) else {
            report.add(field, "Must be a list of web addresses.")
            return
        }
        let kept = links.map { $0.trimmingWhitespaces() }.filter { !$0.isEmpty }
        if kept.count > AboutYouField.maxLinks {
            report.add(field, "At most \(AboutYouField.maxLinks) links.")
        }
        for link in kept {
            if link.count > AboutYouField.links.maxLength {
                report.add(field, "Keep each link to \(AboutYouField.links.maxLength) characters or fewer.")
            } else if !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.contains(" ") {
                report.add(field, "\"\(link)\" is not a web address; start it with https://.")
            }
        }
    }

    /// `something@domain.tld` without spaces, as the original frontend checked.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}

/// A custom entry's key in a set: `text-field{slot}`, `text-field{slot}-{n}` (n >= 2), each optionally `-slider`.
struct CustomEntryKey {
    /// 1 for the first entry.
    let entry: Int
    let isSlider: Bool

    init?(_ key: String, slot: Int) {
        var rest = Substring(key)
        let prefix = "text-field\(slot)"
        guard rest.hasPrefix(prefix) else { return nil }
        rest = rest.dropFirst(prefix.count)
        isSlider = rest.hasSuffix("-slider")
        if isSlider { rest = rest.dropLast("-slider".count) }
        if rest.isEmpty {
            entry = 1
            return
        }
        guard rest.first == "-", let number = Int(rest.dropFirst()), number >= 2,
            String(number) == rest.dropFirst()
        else { return nil }
        entry = number
    }
}
