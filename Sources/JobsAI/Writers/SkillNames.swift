import BuildingBlocks

/// The names a letter uses for skills: "Linux", not the questionnaire's "Linux (non-WSL)".
public enum SkillNames {
    private static let labelKeys: [String: String] = Dictionary(
        Questionnaire.standard.allTechnologies.map { ($0.technology.label, $0.technology.key) },
        uniquingKeysWith: { first, _ in first })

    /// Whether a label is a name with its acronym, "Amazon Web Services (AWS)", fine in prose.
    static func isAcronymLabel(_ label: String) -> Bool {
        guard let open = label.firstIndex(of: "("), let close = label.lastIndex(of: ")"), open < close else {
            return false
        }
        let inner = label[label.index(after: open)..<close]
        return inner.count <= 6 && inner.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    /// The display name of a skill name (a questionnaire label or a person's own text).
    public static func display(_ name: String) -> String {
        guard name.contains("("), !isAcronymLabel(name) else { return name }
        if let key = labelKeys[name], let first = SkillSynonyms.byKey[key]?.first, first != first.lowercased() {
            return first.hasPrefix("!") ? String(first.dropFirst()) : first
        }
        guard let open = name.firstIndex(of: "(") else { return name }
        return String(name[..<open]).trimmingWhitespacesAndNewlines()
    }
}
