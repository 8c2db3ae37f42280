/// The words that name each role family in ads and in a person's description, English and Finnish.
/// Phrases are matched as whole words (`ux` never inside `Linux`); stems only in a person's own text.
enum RoleVocabulary {
    /// Whole-word phrases, lower case, as `TextTokenizer` splits them (`back-end` reads as `back end`).
    static let phrases: [(family: RoleFamily, words: [String])] = [
        (
            .backend,
            [
                "backend", "back end", "backendin", "backendiin", "taustajärjestelmä", "taustajärjestelmien",
                "palvelinkehittäjä", "palvelinpuolen", "server side", "api developer",
            ]
        ),
        (.frontend, ["frontend", "front end", "frontendin", "käyttöliittymäkehittäjä", "käyttöliittymäkehitys"]),
        (.fullStack, ["full stack", "fullstack"]),
        (
            .mobile,
            [
                "mobile", "mobiili", "mobiilikehittäjä", "mobiilikehitys", "mobiilisovellus", "mobiilisovellusten",
                "ios developer", "android developer", "ios kehittäjä", "android kehittäjä",
            ]
        ),
        (
            .embedded,
            [
                "embedded", "firmware", "sulautettu", "sulautetut", "sulautettujen", "sulautetun", "sulautettuja",
                "laiteohjelmisto", "laiteohjelmistot", "laiteohjelmistojen", "laiteohjelmistokehittäjä",
                "laiteläheinen", "laiteläheistä", "microcontroller", "microcontrollers", "mikrokontrolleri",
            ]
        ),
        (
            .data,
            [
                "data engineer", "data engineering", "data scientist", "data science", "machine learning",
                "ml engineer", "koneoppiminen", "koneoppimisen", "koneoppimista", "datainsinööri", "data insinööri",
                "datatieteilijä", "data analyst", "analytics engineer", "data platform", "mlops", "ai engineer",
                "data analyytikko", "data-analyytikko",
            ]
        ),
        (
            .devops,
            [
                "devops", "sre", "site reliability", "platform engineer", "cloud engineer", "cloud architect",
                "pilviarkkitehti", "pilvipalvelut", "pilvipalveluiden", "pilvi-insinööri", "infrastructure engineer",
            ]
        ),
        (
            .qa,
            [
                "qa", "quality assurance", "test automation", "testiautomaatio", "testiautomaation", "tester",
                "testaaja", "testausinsinööri", "test engineer", "ohjelmistotestaaja", "testaus", "testauksen",
            ]
        ),
        (
            .security,
            [
                "security engineer", "security specialist", "cyber security", "cybersecurity", "tietoturva",
                "tietoturvan", "tietoturva-asiantuntija", "kyberturvallisuus", "kyberturvallisuuden", "kyberturva",
                "penetration tester", "penetration testing", "pentester", "soc analyst", "appsec", "infosec",
                "security architect",
            ]
        ),
        (
            .design,
            [
                "ux", "ui ux", "ux designer", "ui designer", "product designer", "graphic designer", "visual designer",
                "service designer", "palvelumuotoilija", "käyttöliittymäsuunnittelija", "graafinen suunnittelija",
                "designer", "käytettävyys",
            ]
        ),
        (.games, ["game developer", "game programmer", "pelikehittäjä", "peliohjelmoija", "gameplay", "game studio"]),
        (
            .sales,
            [
                "sales", "myynti", "myynnin", "myyntiin", "myyntiä", "myyjä", "myyntipäällikkö", "myyntiedustaja",
                "account executive", "account manager", "business development", "key account", "myyntineuvottelija",
                "presales", "inside sales", "myyntitehtäviin",
            ]
        ),
        (
            .marketing,
            [
                "marketing", "markkinointi", "markkinoinnin", "markkinointia", "markkinointiin",
                "markkinointipäällikkö",
                "markkinointiasiantuntija", "go to market", "growth marketer", "seo specialist", "digimarkkinointi",
                "digimarkkinoinnin", "brand manager", "marketer",
            ]
        ),
        (
            .consulting,
            [
                "consultant", "consulting", "konsultti", "konsultointi", "konsulttina", "konsultoinnin",
                "ohjelmistokonsultti", "consultancy", "konsulttitalo", "konsulttitalossa",
            ]
        ),
        (
            .support,
            [
                "helpdesk", "help desk", "service desk", "it support", "technical support", "tukihenkilö", "lähituki",
                "asiakastuki", "it tuki", "support specialist", "käyttötuki", "tukipalvelut",
            ]
        ),
        (
            .management,
            [
                "project manager", "projektipäällikkö", "product owner", "scrum master", "product manager",
                "tuoteomistaja", "delivery manager",
            ]
        ),
    ]

    /// Finnish stems read only in a person's own text, where compounds and cases vary most
    /// (`myyntitehtäviin`, `markkinointiin`, `sulautettuihin`).
    static let proseStems: [(family: RoleFamily, stem: String)] = [
        (.sales, "myyn"), (.sales, "myyj"), (.marketing, "markkinoin"), (.consulting, "konsult"),
        (.embedded, "sulautet"), (.embedded, "laiteohjelm"), (.embedded, "laitelähei"), (.data, "koneoppi"),
        (.data, "datatiet"), (.security, "tietoturv"), (.security, "kyberturv"), (.qa, "testaa"), (.qa, "testau"),
        (.qa, "testiautom"), (.mobile, "mobiili"), (.devops, "pilvi"), (.backend, "taustajärjestelm"),
        (.backend, "backend"), (.frontend, "frontend"), (.fullStack, "fullstack"), (.devops, "devops"),
        (.design, "käytettävyy"), (.design, "palvelumuotoil"), (.games, "peliki"), (.games, "pelikehi"),
        (.games, "pelialalle"), (.games, "pelialalla"), (.management, "projektipäällik"), (.support, "asiakastu"),
        (.support, "tukihenkil"), (.support, "helpdesk"), (.support, "käyttötu"),
        (.security, "security"), (.qa, "testing"), (.support, "support"),
    ]
}
