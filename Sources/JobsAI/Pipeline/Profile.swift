/// One skill of a person with the years they gave it.
public struct ProfileSkill: Sendable, Hashable, Codable {
    /// Display name (`C++`, or the text a person typed in).
    public let name: String
    /// The questionnaire key for built-ins, nil for custom entries.
    public let key: String?
    /// The set it was answered in.
    public let set: QuestionSetID
    /// Slider value 1...7.
    public let level: Int

    public init(name: String, key: String?, set: QuestionSetID, level: Int) {
        self.name = name
        self.key = key
        self.set = set
        self.level = level
    }

    /// The years the slider value stands for.
    public var years: Double { ExperienceScale.approximateYears(level) }
}

/// What the pipeline knows about a person: skills with years, wanted levels and their own words.
/// Holds nothing from "About you", so it is safe to hand to a writer.
public struct Profile: Sendable, Hashable, Codable {
    /// Skills, strongest first (ties keep questionnaire order).
    public let skills: [ProfileSkill]
    /// Wanted job levels, most senior first.
    public let jobLevels: [JobLevel]
    /// The personal description as typed.
    public let description: String
    /// What the description says the person wants (read by `PreferenceExtractor` unless given).
    public let preferences: CandidatePreferences

    public init(
        skills: [ProfileSkill], jobLevels: [JobLevel], description: String, preferences: CandidatePreferences? = nil
    ) {
        self.skills = skills.enumerated().sorted { lhs, rhs in
            lhs.element.level != rhs.element.level ? lhs.element.level > rhs.element.level : lhs.offset < rhs.offset
        }.map(\.element)
        self.jobLevels = jobLevels
        self.description = description
        self.preferences = preferences ?? PreferenceExtractor.standard.extract(description)
    }

    /// The profile of a questionnaire's answers.
    public init(answers: Answers) {
        self.init(
            skills: answers.experience.map {
                ProfileSkill(name: $0.label, key: $0.isCustom ? nil : $0.key, set: $0.set, level: $0.level)
            },
            jobLevels: answers.jobLevels,
            description: answers.personalDescription)
    }

    /// Whether the person calls a skill minor in their description (it then names no query).
    public func isMinor(_ skill: ProfileSkill) -> Bool {
        preferences.proseSkills.contains { prose in
            prose.minor
                && ((prose.key != nil && prose.key == skill.key) || prose.name.lowercased() == skill.name.lowercased())
        }
    }

    /// The strongest skills of one set, strongest first.
    public func skills(in set: QuestionSetID) -> [ProfileSkill] { skills.filter { $0.set == set } }
}
