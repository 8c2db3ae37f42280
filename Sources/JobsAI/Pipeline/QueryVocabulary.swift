/// The words queries are made of: areas skills add up to, role titles a person names, and level words.
extension QueryBuilder {
    /// An area a person's skills add up to, with the role family it belongs to.
    struct Area {
        let english: String
        let finnish: String
        let keys: Set<String>
        let sets: Set<QuestionSetID>
        let family: RoleFamily
    }

    static let areaTable: [Area] = [
        Area(
            english: "frontend developer", finnish: "frontend kehittäjä",
            keys: [
                "javascript", "typescript", "html-css", "react", "angular", "vuejs", "svelte", "nextjs", "nuxtjs",
                "jquery", "angularjs", "astro",
            ],
            sets: [], family: .frontend),
        Area(
            english: "backend developer", finnish: "backend kehittäjä",
            keys: [
                "python", "java", "csharp", "go", "rust", "php", "ruby", "kotlin", "scala", "elixir", "nodejs",
                "express", "django", "flask", "fastapi", "spring-boot", "aspdotnet", "aspdotnet-core", "laravel",
                "ruby-on-rails", "nestjs", "symfony", "fastify",
            ],
            sets: [], family: .backend),
        Area(
            english: "devops engineer", finnish: "devops asiantuntija",
            keys: ["docker", "kubernetes", "terraform", "ansible", "podman", "prometheus", "datadog", "bash-shell"],
            sets: [], family: .devops),
        Area(
            english: "cloud engineer", finnish: "pilviarkkitehti",
            keys: ["amazon-web-services-aws", "microsoft-azure", "google-cloud", "cloudflare", "ibm-cloud"], sets: [],
            family: .devops),
        Area(
            english: "data engineer", finnish: "data engineer",
            keys: [
                "sql", "python", "scala", "bigquery", "snowflake", "databricks-sql", "amazon-redshift", "clickhouse",
            ],
            sets: [.databases], family: .data),
        Area(english: "AI engineer", finnish: "tekoäly kehittäjä", keys: [], sets: [.llms], family: .data),
        Area(
            english: "mobile developer", finnish: "mobiilikehittäjä",
            keys: ["swift", "kotlin", "dart", "android", "ios", "android-studio", "xcode"], sets: [], family: .mobile),
        Area(
            english: "embedded software engineer", finnish: "sulautettujen järjestelmien ohjelmistokehittäjä",
            keys: ["c", "cplusplus", "assembly", "micropython", "zig"], sets: [], family: .embedded),
    ]

    /// Job titles a person names in their own description ("I want to work as a data analyst"), matched as
    /// whole words, each with its family (a family the person rules out names no query).
    static let describedRoles: [(words: [String], query: String, family: RoleFamily)] = [
        (["data analyst", "data-analyytikko", "analyytikko", "data analyytikko"], "data analyst", .data),
        (["data scientist", "datatieteilijä"], "data scientist", .data),
        (["ux designer", "ui designer", "ux", "ui design", "käyttöliittymäsuunnittelija"], "UX designer", .design),
        (["tester", "testing", "qa", "quality assurance", "testaaja", "test automation"], "software tester", .qa),
        (["game developer", "games", "game", "pelikehittäjä", "peliala", "pelit"], "game developer", .games),
        (["security", "tietoturva", "kyberturvallisuus"], "security specialist", .security),
        (["project manager", "projektipäällikkö", "product owner"], "project manager", .management),
        (["machine learning", "koneoppiminen"], "machine learning engineer", .data),
        (["consultant", "consulting", "konsultti", "konsultointi"], "IT consultant", .consulting),
        (["it support", "helpdesk", "tukihenkilö", "service desk"], "IT support specialist", .support),
    ]

    /// The word a family's internship ads are searched with in Finnish (`harjoittelija backend`).
    static func finnishTopic(_ family: RoleFamily?) -> String {
        switch family {
        case .backend?: return "backend"
        case .frontend?: return "frontend"
        case .embedded?: return "sulautettu"
        case .data?: return "data"
        case .devops?: return "devops"
        case .qa?: return "testaus"
        case .mobile?: return "mobiili"
        case .security?: return "tietoturva"
        case .design?: return "ux"
        default: return "ohjelmisto"
        }
    }

    /// The word a family's ads share in English (`backend intern`, `embedded trainee`).
    static func englishTopic(_ family: RoleFamily?) -> String {
        switch family {
        case .fullStack?: return "full stack"
        case .data?: return "data"
        case .devops?: return "devops"
        case .qa?: return "test"
        case .design?: return "UX"
        case .games?: return "game"
        case let family?: return family.rawValue
        case nil: return "software"
        }
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

    /// Other ways ads write a level, in both languages, each for one extra query
    /// (`kokenut`, `lead`; `nuorempi`; `harjoittelu`, `kesätyö`, `trainee`).
    static func alternativeWords(for level: JobLevel) -> [(word: String, language: QueryLanguage, prefix: Bool)] {
        switch level {
        case .expert: return [("lead", .english, true), ("kokenut", .finnish, true)]
        case .intermediate: return []
        case .entry: return [("nuorempi", .finnish, true), ("graduate", .english, true)]
        case .intern:
            return [
                ("harjoittelija", .finnish, true), ("trainee", .english, false), ("kesätyö", .finnish, true),
                ("harjoittelu", .finnish, true),
            ]
        }
    }
}
