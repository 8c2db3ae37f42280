/// Builds 5 to 10 distinct job-board queries from a profile: the person's strongest skills as role
/// titles, the areas those skills add up to, Finnish forms where boards are Finnish, and the wanted level.
public struct QueryBuilder: Sendable {
    /// The fewest queries returned.
    public static let minimumCount = 5
    /// The most queries returned.
    public static let maximumCount = 10

    public init() {}

    public func queries(for profile: Profile) -> [SearchQuery] {
        let levelWords = profile.jobLevels.map(Self.words(for:))
        let skills = profile.skills.filter {
            Self.roleSkillSets.contains($0.set) && !Self.notRoles.contains($0.key ?? "")
        }
        var streams: [[SearchQuery]] = [[], [], []]

        // Stream 1: the strongest skills as English role titles, the wanted level in front.
        for (position, skill) in skills.prefix(4).enumerated() {
            let level = levelWords.isEmpty ? LevelWords.none : levelWords[position % levelWords.count]
            let role = "\(Self.shortName(skill)) \(skill.set == .cloudDevelopment ? "engineer" : "developer")"
            streams[0].append(
                SearchQuery(
                    text: level.english.compose(role), language: .english,
                    reason: "skill: \(skill.name) (\(ExperienceScale.caption(skill.level)) yrs)"))
        }
        // Stream 2: areas the skills add up to, strongest area first.
        let primaryLevel = levelWords.first ?? LevelWords.none
        for area in Self.areas(of: profile) {
            streams[1].append(
                SearchQuery(
                    text: primaryLevel.english.compose(area.english), language: .english,
                    reason: "area: \(area.english)"))
            streams[2].append(
                SearchQuery(
                    text: primaryLevel.finnish.compose(area.finnish), language: .finnish,
                    reason: "area: \(area.english)"))
        }
        // Stream 3 also carries Finnish skill titles ("Python kehittäjä"), which Finnish ads use.
        let finnishTitles = skills.prefix(2).map { skill in
            SearchQuery(
                text: primaryLevel.finnish.compose("\(Self.shortName(skill)) kehittäjä"), language: .finnish,
                reason: "skill: \(skill.name), in Finnish")
        }
        streams[2].insert(contentsOf: finnishTitles, at: min(1, streams[2].count))
        for role in Self.rolesNamed(in: profile.description) {
            streams[1].append(SearchQuery(text: role, language: .english, reason: "named in your description"))
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
        for fallback in Self.fallbacks(levels: profile.jobLevels) where result.count < Self.minimumCount {
            take(fallback)
        }
        return result
    }

    // MARK: Vocabulary

    /// Sets whose technologies are also job titles ("Python developer", "AWS engineer").
    private static let roleSkillSets: Set<QuestionSetID> = [.languages, .webFrameworks, .cloudDevelopment, .databases]
    /// Built-ins nobody is hired as (package managers, build tools, markup).
    private static let notRoles: Set<String> = [
        "html-css", "bash-shell", "npm", "pip", "yarn", "pnpm", "homebrew", "apt", "make", "nuget", "msbuild",
        "composer",
        "chocolatey", "poetry", "pacman", "ninja", "cargo", "vite", "webpack", "maven-build-tool", "gradle", "bun",
        "sql", "vba", "powershell", "assembly", "micropython",
    ]

    /// A skill's name as people search for it ("AWS", not "Amazon Web Services (AWS)").
    static func shortName(_ skill: ProfileSkill) -> String {
        let name = skill.name
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            let inner = name[name.index(after: open)..<close]
            if inner.count <= 5 { return String(inner) }
            return String(name[..<open]).trimmingWhitespace()
        }
        return name
    }

    struct Area {
        let english: String
        let finnish: String
        let keys: Set<String>
        let sets: Set<QuestionSetID>
    }

    private static let areaTable: [Area] = [
        Area(
            english: "frontend developer", finnish: "frontend kehittäjä",
            keys: [
                "javascript", "typescript", "html-css", "react", "angular", "vuejs", "svelte", "nextjs", "nuxtjs",
                "jquery", "angularjs", "astro",
            ],
            sets: []),
        Area(
            english: "backend developer", finnish: "backend kehittäjä",
            keys: [
                "python", "java", "csharp", "go", "rust", "php", "ruby", "kotlin", "scala", "elixir", "nodejs",
                "express", "django", "flask", "fastapi", "spring-boot", "aspdotnet", "aspdotnet-core", "laravel",
                "ruby-on-rails", "nestjs", "symfony", "fastify",
            ],
            sets: []),
        Area(
            english: "devops engineer", finnish: "devops asiantuntija",
            keys: ["docker", "kubernetes", "terraform", "ansible", "podman", "prometheus", "datadog", "bash-shell"],
            sets: []),
        Area(
            english: "cloud engineer", finnish: "pilviarkkitehti",
            keys: ["amazon-web-services-aws", "microsoft-azure", "google-cloud", "cloudflare", "ibm-cloud"], sets: []),
        Area(
            english: "data engineer", finnish: "data engineer",
            keys: [
                "sql", "python", "scala", "bigquery", "snowflake", "databricks-sql", "amazon-redshift", "clickhouse",
            ],
            sets: [.databases]),
        Area(english: "AI engineer", finnish: "tekoäly kehittäjä", keys: [], sets: [.llms]),
        Area(
            english: "mobile developer", finnish: "mobiilikehittäjä",
            keys: ["swift", "kotlin", "dart", "android", "ios", "android-studio", "xcode"], sets: []),
        Area(
            english: "embedded software engineer", finnish: "sulautettujen järjestelmien ohjelmistokehittäjä",
            keys: ["c", "cplusplus", "assembly", "micropython", "zig"], sets: []),
    ]

    /// Areas the profile has real weight in (the sum of its levels there), strongest first; full stack
    /// when both front and back end are strong.
    static func areas(of profile: Profile) -> [Area] {
        let scored = areaTable.map { area -> (Area, Int) in
            let weight = profile.skills.filter { skill in
                (skill.key.map { area.keys.contains($0) } ?? false) || area.sets.contains(skill.set)
            }.map(\.level).reduce(0, +)
            return (area, weight)
        }.filter { $0.1 >= 4 }
        var areas = scored.enumerated().sorted { lhs, rhs in
            lhs.element.1 != rhs.element.1 ? lhs.element.1 > rhs.element.1 : lhs.offset < rhs.offset
        }.map(\.element.0)
        let names = Set(areas.map(\.english))
        if names.contains("frontend developer") && names.contains("backend developer") {
            areas.insert(
                Area(english: "full stack developer", finnish: "full stack kehittäjä", keys: [], sets: []),
                at: min(2, areas.count))
        }
        return areas
    }

    /// Job titles a person names in their own description ("I want to work as a data analyst").
    private static let describedRoles: [(words: [String], query: String)] = [
        (["data analyst", "data-analyytikko", "analyytikko"], "data analyst"),
        (["data scientist", "datatieteilijä"], "data scientist"),
        (["designer", "ux", "ui design", "suunnittelija"], "UX designer"),
        (["tester", "testing", "qa ", "quality assurance", "testaaja"], "software tester"),
        (["game", "peli"], "game developer"),
        (["security", "tietoturva", "kyberturva"], "security specialist"),
        (["project manager", "projektipäällikkö", "product owner"], "project manager"),
        (["machine learning", "koneoppiminen"], "machine learning engineer"),
        (["consult", "konsult"], "IT consultant"),
        (["support", "helpdesk", "tuki"], "IT support specialist"),
    ]

    static func rolesNamed(in description: String) -> [String] {
        let text = description.lowercased()
        return describedRoles.filter { role in role.words.contains { text.contains($0) } }.map(\.query)
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

    // MARK: Levels

    /// How a level is written into an English and a Finnish query.
    struct LevelWords {
        let english: Affix
        let finnish: Affix
        static let none = LevelWords(english: .none, finnish: .none)
    }

    /// A level word before or after the role ("senior Python developer", "Python developer intern").
    enum Affix {
        case none
        case prefix(String)
        case suffix(String)

        func compose(_ role: String) -> String {
            switch self {
            case .none: return role
            case .prefix(let word): return "\(word) \(role)"
            case .suffix(let word): return "\(role) \(word)"
            }
        }
    }

    static func words(for level: JobLevel) -> LevelWords {
        switch level {
        case .expert: return LevelWords(english: .prefix("senior"), finnish: .prefix("senior"))
        case .intermediate: return .none
        case .entry: return LevelWords(english: .prefix("junior"), finnish: .prefix("junior"))
        case .intern: return LevelWords(english: .suffix("intern"), finnish: .suffix("harjoittelija"))
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
