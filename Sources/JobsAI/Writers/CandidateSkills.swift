/// Every skill a candidate can truthfully name, found through the questionnaire's sliders, their own
/// entries, umbrella terms (PostgreSQL means SQL, any Git host means Git) and their description; with the
/// most years each allows a letter to state.
struct CandidateSkills: Sendable {
    let matcher: ListingMatcher
    /// Slider level per catalog skill; 0 for skills only the description names.
    private(set) var levels: [Int: Int] = [:]
    /// The description's facts.
    let facts: DescriptionFacts
    /// Skills the description itself names (its years cover them too).
    private(set) var described: Set<Int> = []

    /// Keys whose skill also means SQL.
    private static let sqlKeys: Set<String> = [
        "sql", "postgresql", "mysql", "sqlite", "mariadb", "microsoft-sql-server", "oracle", "ibm-db2",
        "amazon-redshift", "bigquery", "snowflake", "databricks-sql", "h2", "supabase",
    ]
    /// Names that stand for one another when a letter talks about version control.
    private static let gitFamily = ["Git", "GitHub", "GitLab"]

    init(profile: Profile) {
        facts = DescriptionFacts(profile.description)
        let placed = ProfileSkillLevels(profile: profile, alsoImplied: Self.alsoImplied)
        let catalog = placed.catalog
        matcher = ListingMatcher(catalog: catalog)
        levels = placed.levels
        var plain = TextFacts()
        for sentence in facts.positiveSentences { Self.standardMatcher.scan(sentence, into: &plain) }
        described = Set(plain.skills.map(Int.init))
        for index in plain.skills.map(Int.init) where levels[index] == nil {
            levels[index] = 0
            let name = catalog.names[index]
            if Self.gitFamily.contains(name) {
                for member in Self.gitFamily {
                    if let other = catalog.index(forName: member) { levels[other] = levels[other] ?? 0 }
                }
            }
        }
    }

    /// What a letter may claim beyond the scorer's synonyms: SQL from any SQL database, every Git host from Git
    /// or one host, and the parts a typed entry names ("Embedded C" is C and embedded systems).
    private static func alsoImplied(_ skill: ProfileSkill, _ implied: [String]) -> [String] {
        var extra: [String] = []
        if let key = skill.key, sqlKeys.contains(key) { extra.append("SQL") }
        if implied.contains("Git") || skill.key == "github" || skill.key == "gitlab" { extra += gitFamily }
        if skill.key == nil {
            var parts = TextFacts()
            standardMatcher.scan(skill.name, isTitle: true, into: &parts)
            extra += parts.skills.map { standardMatcher.catalog.names[Int($0)] }
        }
        return extra
    }

    /// The standard catalog's matcher, built once.
    static let standardMatcher = ListingMatcher(catalog: .standard)

    /// Whether the candidate has this catalog skill.
    func has(_ index: Int) -> Bool { levels[index] != nil }

    /// Whether the candidate has the skill of this name (a catalog name or one of its spellings).
    func has(named name: String) -> Bool {
        guard let index = index(of: name) else { return false }
        return has(index)
    }

    /// The catalog index of a skill's name or spelling.
    func index(of name: String) -> Int? {
        matcher.catalog.index(forName: name) ?? matcher.catalog.index(forSpelling: name)
    }

    /// The catalog skills a text names, in order of first mention.
    func skills(in text: String) -> [Int] {
        var found = TextFacts()
        matcher.scan(text, into: &found)
        return found.skills.map(Int.init)
    }

    /// The skill's name as the catalog spells it.
    func name(_ index: Int) -> String { matcher.catalog.names[index] }

    /// The most years a letter may state for a skill: the top of its slider band, or for the top band
    /// (over three years) what the description says, at least three.
    func allowedYears(_ index: Int) -> Double {
        guard let level = levels[index] else { return 0 }
        let stated = described.contains(index) ? facts.years ?? 0 : 0
        switch level {
        case 0: return facts.years ?? 0
        case 1...6: return max(Double(level) * 0.5, stated)
        default: return max(3, facts.years ?? 0)
        }
    }

    /// The most years a letter may state about the candidate's experience in general.
    var allowedYearsOverall: Double {
        levels.keys.map(allowedYears).max().map { max($0, facts.years ?? 0) } ?? (facts.years ?? 0)
    }
}
