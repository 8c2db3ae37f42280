/// The facts one letter is about, ready to be put into sentences in either language.
struct LetterFacts {
    /// The job title, never empty.
    let title: String
    /// The company as the ad names it; empty when unknown.
    let company: String
    /// What the ad says about the work.
    let ad: AdFacts
    /// Deterministic per job: picks among phrasings so two letters do not read alike.
    let variant: Int
    /// The job is of a kind the candidate ruled out: no enthusiasm, only plain words.
    let restrained: Bool

    func pick(_ options: [String]) -> String { options[variant % options.count] }
}

/// A skill with the slider value that bounds the years a letter may state for it.
struct SkillLine {
    let name: String
    let level: Int
}

/// The phrases of one letter language, per style.
protocol LetterPhrases {
    static func salutation(_ style: LetterStyle, _ facts: LetterFacts) -> String
    static func opening(_ style: LetterStyle, _ facts: LetterFacts) -> String
    static func responsibility(quote: String, _ facts: LetterFacts) -> String
    static func sharedValue(_ value: Phrase, _ facts: LetterFacts) -> String
    static func activity(_ clause: String, _ facts: LetterFacts) -> String
    static func focus(on skills: [String]) -> String
    static func sharedDomain(_ domain: Phrase) -> String
    static func introduction(role: RoleTitle?, years: Double?) -> String?
    static func skillsLead(_ style: LetterStyle) -> String
    static var plainSkillsLead: String { get }
    static func experience(_ skills: [SkillLine]) -> String
    static func gap(_ style: LetterStyle, missing: String) -> String
    static func level(_ level: JobLevel) -> String
    static func motivation(_ style: LetterStyle, _ interests: [Phrase]) -> String
    static func closing(_ style: LetterStyle, _ facts: LetterFacts) -> String
    static func signOff(_ style: LetterStyle) -> String
}

extension LetterPhrases {
    /// Skills grouped by the years their slider allows, in first-mention order.
    static func grouped(_ skills: [SkillLine], years: (Int) -> String) -> [(years: String, names: [String])] {
        var groups: [(years: String, names: [String])] = []
        for skill in skills {
            let phrase = years(skill.level)
            if let index = groups.firstIndex(where: { $0.years == phrase }) {
                groups[index].names.append(skill.name)
            } else {
                groups.append((phrase, [skill.name]))
            }
        }
        return groups
    }
}
