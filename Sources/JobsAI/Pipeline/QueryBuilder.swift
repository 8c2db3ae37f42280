import BuildingBlocks

/// Builds 5 to 10 distinct job-board queries from a profile: the role families the person asks for, their
/// strongest skills as role titles (weighted by years and by what their description stresses, never a
/// skill they call minor), the areas those skills add up to, Finnish forms, and the wanted level written
/// the ways ads write it. Each query says why it exists.
public struct QueryBuilder: Sendable {
    /// The fewest queries returned.
    public static let minimumCount = 5
    /// The most queries returned.
    public static let maximumCount = 10

    public init() {}

    public func queries(for profile: Profile) -> [SearchQuery] {
        let preferences = profile.preferences
        let levels = profile.jobLevels.isEmpty ? preferences.levels : profile.jobLevels
        let levelWords = levels.map(Self.words(for:))
        let primaryLevel = levelWords.first ?? LevelWords.none
        let excluded = Set(preferences.excludedFamilies)
        let wanted = preferences.wantedFamilies
        let skills = Self.querySkills(of: profile)
        let areas = Self.areas(of: profile).filter { !excluded.contains($0.family) && !wanted.contains($0.family) }
        var streams: [[SearchQuery]] = [[], [], [], [], []]

        // Stream 1: the families the person asks for: their keywords alone, then English titles.
        for family in wanted {
            streams[0] += Self.familyQueries(
                family, in: .english, level: primaryLevel, reason: "role family you asked for: \(family.displayName)")
        }
        // Stream 2: the strongest skills as English role titles, the wanted level in front.
        for (position, skill) in skills.prefix(4).enumerated() {
            let level = levelWords.isEmpty ? LevelWords.none : levelWords[position % levelWords.count]
            let role =
                "\(Self.shortName(skill.skill)) \(skill.skill.set == .cloudDevelopment ? "engineer" : "developer")"
            streams[1].append(
                SearchQuery(text: level.english.compose(role), language: .english, reason: skill.reason))
        }
        // Stream 3: areas the skills add up to, strongest first, and roles named in the description.
        for area in areas {
            streams[2].append(
                SearchQuery(
                    text: primaryLevel.english.compose(area.english), language: .english,
                    reason: "area your skills add up to: \(area.english)"))
        }
        for role in Self.rolesNamed(in: profile) {
            streams[2].append(SearchQuery(text: role, language: .english, reason: "role named in your description"))
        }
        // Stream 4: Finnish keywords and titles of the families, the strongest skills and the areas.
        for family in wanted {
            streams[3] += Self.familyQueries(
                family, in: .finnish, level: primaryLevel,
                reason: "role family you asked for: \(family.displayName), in Finnish")
        }
        for skill in skills.prefix(2) {
            streams[3].append(
                SearchQuery(
                    text: primaryLevel.finnish.compose("\(Self.shortName(skill.skill)) kehittäjä"), language: .finnish,
                    reason: skill.reason + ", in Finnish"))
        }
        for area in areas {
            streams[3].append(
                SearchQuery(
                    text: primaryLevel.finnish.compose(area.finnish), language: .finnish,
                    reason: "area your skills add up to: \(area.english), in Finnish"))
        }
        // Stream 5: the level as ads also write it (`kokenut`, `nuorempi`, `kesätyö`, `trainee`).
        let topicFamily = wanted.first ?? areas.first?.family
        // The least senior level first: its words are the ones ads title most distinctly.
        for level in levels.sorted(by: { $0.rank < $1.rank }) {
            for alternative in Self.alternativeWords(for: level) {
                let topic =
                    alternative.language == .english
                    ? Self.englishTopic(topicFamily) + (alternative.prefix ? " developer" : "")
                    : Self.finnishTopic(topicFamily)
                let text = alternative.prefix ? "\(alternative.word) \(topic)" : "\(topic) \(alternative.word)"
                streams[4].append(
                    SearchQuery(
                        text: text, language: alternative.language,
                        reason: "your level (\(level.rawValue)) as ads write it: \(alternative.word)"))
            }
        }

        var result: [SearchQuery] = []
        var seen: Set<String> = []
        func take(_ query: SearchQuery) {
            let key = query.text.lowercased()
            guard result.count < Self.maximumCount, !seen.contains(key) else { return }
            seen.insert(key)
            result.append(query)
        }
        for index in 0..<(streams.map(\.count).max() ?? 0) {
            for stream in streams where index < stream.count { take(stream[index]) }
        }
        // Too few skills to fill five: widen with level-only searches (an empty profile still searches).
        for fallback in Self.fallbacks(levels: levels) where result.count < Self.minimumCount {
            take(fallback)
        }
        return result
    }

    /// A wanted family's searches in one language: its keywords alone, then its titles at the level.
    static func familyQueries(_ family: RoleFamily, in language: QueryLanguage, level: LevelWords, reason: String)
        -> [SearchQuery]
    {
        let finnish = language == .finnish
        let affix = finnish ? level.finnish : level.english
        let keywords = finnish ? family.keywords.finnish : family.keywords.english
        let titles = finnish ? family.titles.finnish : family.titles.english
        return keywords.map { SearchQuery(text: $0, language: language, reason: reason) }
            + titles.map { SearchQuery(text: affix.compose($0), language: language, reason: reason) }
    }

    // MARK: Skills

    /// A skill that names a query, and why.
    struct QuerySkill {
        let skill: ProfileSkill
        let weight: Int
        let reason: String
    }

    /// Sets whose technologies are also job titles ("Python developer", "AWS engineer").
    private static let roleSkillSets: Set<QuestionSetID> = [.languages, .webFrameworks, .cloudDevelopment, .databases]
    /// Built-ins nobody is hired as (package managers, build tools, markup).
    private static let notRoles: Set<String> = [
        "html-css", "bash-shell", "npm", "pip", "yarn", "pnpm", "homebrew", "apt", "make", "nuget", "msbuild",
        "composer",
        "chocolatey", "poetry", "pacman", "ninja", "cargo", "vite", "webpack", "maven-build-tool", "gradle", "bun",
        "sql", "vba", "powershell", "assembly", "micropython",
    ]

    /// Skills that may name a query, heaviest first: slider years, plus two steps when the description
    /// stresses the skill; a skill the person calls minor never names one.
    static func querySkills(of profile: Profile) -> [QuerySkill] {
        let prose = profile.preferences.proseSkills
        let candidates = profile.skills.filter {
            roleSkillSets.contains($0.set) && !notRoles.contains($0.key ?? "") && !profile.isMinor($0)
        }
        let weighted = candidates.enumerated().map { offset, skill -> (Int, QuerySkill) in
            let stressed = prose.contains {
                !$0.minor && $0.level >= 6 && ($0.key == skill.key || $0.name == skill.name)
            }
            let years = ExperienceScale.caption(skill.level)
            let reason = "skill: \(skill.name) (\(years) yrs\(stressed ? ", stressed in your description" : ""))"
            return (offset, QuerySkill(skill: skill, weight: skill.level + (stressed ? 2 : 0), reason: reason))
        }
        return weighted.sorted { lhs, rhs in
            lhs.1.weight != rhs.1.weight ? lhs.1.weight > rhs.1.weight : lhs.0 < rhs.0
        }.map(\.1)
    }

    /// A skill's name as people search for it ("AWS", not "Amazon Web Services (AWS)").
    static func shortName(_ skill: ProfileSkill) -> String {
        let name = skill.name
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            let inner = name[name.index(after: open)..<close]
            if inner.count <= 5 { return String(inner) }
            return String(name[..<open]).trimmingWhitespacesAndNewlines()
        }
        return name
    }

    /// Areas the profile has real weight in (the sum of its levels there, technologies named in the
    /// description included), strongest first; full stack when both front and back end are strong.
    static func areas(of profile: Profile) -> [Area] {
        let prose = profile.preferences.proseSkills.filter { !$0.minor }
        let scored = areaTable.map { area -> (Area, Int) in
            var weight = profile.skills.filter { skill in
                !profile.isMinor(skill)
                    && ((skill.key.map { area.keys.contains($0) } ?? false) || area.sets.contains(skill.set))
            }.map(\.level).reduce(0, +)
            weight += prose.filter { $0.key.map { area.keys.contains($0) } ?? false }.map(\.level).reduce(0, +)
            return (area, weight)
        }.filter { $0.1 >= 4 }
        var areas = scored.enumerated().sorted { lhs, rhs in
            lhs.element.1 != rhs.element.1 ? lhs.element.1 > rhs.element.1 : lhs.offset < rhs.offset
        }.map(\.element.0)
        let names = Set(areas.map(\.english))
        if names.contains("frontend developer") && names.contains("backend developer") {
            areas.insert(
                Area(
                    english: "full stack developer", finnish: "full stack kehittäjä", keys: [], sets: [],
                    family: .fullStack),
                at: min(2, areas.count))
        }
        return areas
    }

    /// Roles the description names as whole words ("data analyst"; never "ux" inside "Linux"), except
    /// families it rules out, and non-engineering ones it does not ask for.
    static func rolesNamed(in profile: Profile) -> [String] {
        let preferences = profile.preferences
        let words = ProseWords(profile.description).sentences.flatMap(\.words)
        return describedRoles.filter { role in
            guard !preferences.excludedFamilies.contains(role.family) else { return false }
            if ProseCues.nonEngineering.contains(role.family) && !preferences.wantedFamilies.contains(role.family) {
                return false
            }
            return role.words.contains { phrase in
                let parts = ProseWords.split(phrase)
                return words.indices.contains { ProseWords.phrase(parts, at: $0, in: words) }
            }
        }.map(\.query)
    }

    private static func fallbacks(levels: [JobLevel]) -> [SearchQuery] {
        let level = levels.first.map(words(for:)) ?? LevelWords.none
        return [
            SearchQuery(text: level.english.compose("software developer"), language: .english, reason: "your level"),
            SearchQuery(text: level.finnish.compose("ohjelmistokehittäjä"), language: .finnish, reason: "your level"),
            SearchQuery(text: level.english.compose("IT specialist"), language: .english, reason: "your level"),
            SearchQuery(text: level.finnish.compose("IT-asiantuntija"), language: .finnish, reason: "your level"),
            SearchQuery(text: level.english.compose("software engineer"), language: .english, reason: "your level"),
            SearchQuery(text: level.english.compose("web developer"), language: .english, reason: "your level"),
        ]
    }
}
