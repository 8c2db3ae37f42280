import BuildingBlocks

/// What a person's own description says, read as facts a letter can restate in its own words: the role
/// they introduce themselves with, their years, the domains they know, what they value and what they rule out.
struct DescriptionFacts: Sendable, Hashable {
    /// "embedded" + "developer" from "I'm an embedded software developer".
    var role: RoleTitle?
    /// The most years the description states.
    var years: Double?
    /// Domains named, in table order.
    var domains: [Phrase] = []
    /// What they value or enjoy, in table order.
    var interests: [Phrase] = []
    /// Role families they rule out ("I don't want marketing roles").
    var excludedFamilies: Set<LetterRoleKind> = []
    /// Sentences that want or enjoy something, not negated (their skills count as the person's).
    var positiveSentences: [String] = []

    private static let negations = [
        "don't want", "do not want", "not interested", "no interest", "rather not", "avoid", "not looking for",
        "don't like", "do not like", "never", "haven't", "have not", "not yet", "want to learn", "would like to learn",
        " en halua", "ei kiinnosta", " en ole", " en etsi", "haluaisin oppia", "haluan oppia", " ei ole",
    ]

    init(_ description: String) {
        for sentence in Self.sentences(of: description) {
            let lower = " " + sentence.lowercased() + " "
            let negated = Self.negations.contains { lower.contains($0) } || lower.hasPrefix(" no ")
            if let claim = YearsClaim.find(in: TextWord.split(sentence)).map(\.years).max(), !negated {
                years = max(years ?? 0, claim)
            }
            if negated {
                for family in LetterRoleKind.allCases where family.keywords.contains(where: lower.contains) {
                    excludedFamilies.insert(family)
                }
                continue
            }
            positiveSentences.append(sentence)
            if role == nil { role = RoleTitle(introducedIn: lower) }
            for domain in Phrase.domains where domain.matches(lower) && !domains.contains(domain) {
                domains.append(domain)
            }
            for interest in Phrase.interests where interest.matches(lower) && !interests.contains(interest) {
                interests.append(interest)
            }
        }
        domains.sort { Phrase.domains.firstIndex(of: $0)! < Phrase.domains.firstIndex(of: $1)! }
        interests.sort { Phrase.interests.firstIndex(of: $0)! < Phrase.interests.firstIndex(of: $1)! }
    }

    /// Sentences of a text, split at `.`, `!`, `?` and line breaks.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let ends = ".!?".contains(character) && (next == text.endIndex || text[next].isWhitespace)
            if ends || character.isNewline {
                if !character.isNewline { current.append(character) }
                let sentence = current.trimmingWhitespacesAndNewlines()
                if sentence.count > 1 { sentences.append(sentence) }
                current = ""
            } else {
                current.append(character)
            }
            index = next
        }
        let rest = current.trimmingWhitespacesAndNewlines()
        if rest.count > 1 { sentences.append(rest) }
        return sentences
    }
}

/// A fact with its wording in each letter language (Finnish in the nominative, fit for a list).
struct Phrase: Sendable, Hashable {
    let english: String
    let finnish: String
    let keywords: [String]

    func text(_ language: LetterLanguage) -> String { language == .finnish ? finnish : english }
    func matches(_ lower: String) -> Bool { keywords.contains { lower.contains($0) } }

    static let domains: [Phrase] = [
        Phrase(
            english: "embedded systems", finnish: "sulautettujen järjestelmien kehitys",
            keywords: ["embedded", "sulautet"]),
        Phrase(english: "fintech", finnish: "finanssiteknologia", keywords: ["fintech", "banking", "pankki"]),
        Phrase(english: "healthcare", finnish: "terveysteknologia", keywords: ["health", "medical", "terveys"]),
        Phrase(english: "e-commerce", finnish: "verkkokauppa", keywords: ["e-commerce", "ecommerce", "verkkokaup"]),
        Phrase(english: "logistics", finnish: "logistiikka", keywords: ["logistic", "logistiik"]),
        Phrase(english: "games", finnish: "pelikehitys", keywords: [" game", "pelialan", "pelinkehity"]),
        Phrase(english: "automotive software", finnish: "autoteollisuuden ohjelmistokehitys", keywords: ["automotive"]),
        Phrase(english: "telecommunications", finnish: "tietoliikenne", keywords: ["telecom", "tietoliikenne"]),
        Phrase(english: "energy", finnish: "energiala", keywords: ["energy", "energia"]),
        Phrase(english: "IoT devices", finnish: "IoT-laitteiden kehitys", keywords: [" iot", "internet of things"]),
        Phrase(
            english: "data pipelines", finnish: "dataputkien rakentaminen", keywords: ["data pipeline", "dataputk"]),
        Phrase(
            english: "web services", finnish: "verkkopalveluiden kehitys", keywords: ["web service", "verkkopalvel"]),
        Phrase(english: "the public sector", finnish: "julkinen sektori", keywords: ["public sector", "julkisel"]),
    ]

    static let interests: [Phrase] = [
        Phrase(english: "mentoring colleagues", finnish: "kollegoiden mentorointi", keywords: ["mentor", "opastaa"]),
        Phrase(
            english: "clean, maintainable code", finnish: "selkeä ja ylläpidettävä koodi",
            keywords: [
                "clean code", "readable code", "maintainable", "selkeä koodi", "selkeää koodia", "laadukas koodi",
                "laadukasta koodia",
            ]),
        Phrase(
            english: "reliable systems", finnish: "järjestelmien luotettavuus",
            keywords: ["reliab", "robust", "luotettav"]),
        Phrase(english: "thorough testing", finnish: "huolellinen testaus", keywords: ["testing", "testaus"]),
        Phrase(
            english: "performance work", finnish: "suorituskyvyn parantaminen",
            keywords: ["performance", "suorituskyk"]),
        Phrase(
            english: "close teamwork", finnish: "tiivis tiimityö",
            keywords: ["teamwork", "team player", "collaborat", "tiimityö", "yhteistyö"]),
        Phrase(english: "learning new things", finnish: "uuden oppiminen", keywords: ["learning", "oppimi"]),
        Phrase(
            english: "building things people actually use", finnish: "käyttäjien arjen helpottaminen",
            keywords: ["user", "käyttäj"]),
        Phrase(english: "open source", finnish: "avoin lähdekoodi", keywords: ["open source", "avoimen lähdekoodin"]),
    ]
}

/// The role a person introduces themselves as, from a specialty and a noun.
struct RoleTitle: Sendable, Hashable {
    let specialty: (english: String, finnish: String)?
    let noun: (english: String, finnish: String)

    static func == (lhs: RoleTitle, rhs: RoleTitle) -> Bool { lhs.text(.english) == rhs.text(.english) }
    func hash(into hasher: inout Hasher) { hasher.combine(text(.english)) }

    private static let introductions = [
        " i am a", " i'm a", " i am an", " i'm an", " i work as", " olen ", " työskentelen ",
    ]
    private static let specialties: [(keyword: String, english: String, finnish: String)] = [
        ("embedded", "embedded software", "sulautettujen järjestelmien "),
        ("sulautet", "embedded software", "sulautettujen järjestelmien "),
        ("full-stack", "full-stack", "full stack -"), ("full stack", "full-stack", "full stack -"),
        ("backend", "backend", "backend-"), ("back-end", "backend", "backend-"), ("frontend", "frontend", "frontend-"),
        ("front-end", "frontend", "frontend-"), ("mobile", "mobile", "mobiili"), ("mobiili", "mobile", "mobiili"),
        ("devops", "DevOps", "DevOps-"), ("cloud", "cloud", "pilvi"), ("pilvi", "cloud", "pilvi"),
        ("game", "game", "peli"),
        ("data", "data", "data"), ("web", "web", "web-"), ("software", "software", "ohjelmisto"),
        ("ohjelmisto", "software", "ohjelmisto"),
    ]
    private static let nouns: [(keywords: [String], english: String, finnish: String)] = [
        (["developer", "kehittäjä"], "developer", "kehittäjä"), (["engineer", "insinööri"], "engineer", "insinööri"),
        (["architect", "arkkitehti"], "architect", "arkkitehti"),
        (["programmer", "ohjelmoija"], "programmer", "ohjelmoija"),
        (["analyst", "analyytikko"], "analyst", "analyytikko"),
        (["scientist", "tieteilijä"], "scientist", "tieteilijä"),
        (["tester", "testaaja"], "tester", "testaaja"), (["designer", "suunnittelija"], "designer", "suunnittelija"),
    ]

    init?(introducedIn lower: String) {
        guard let start = Self.introductions.compactMap({ lower.firstRange(of: $0) }).first else { return nil }
        let clause = String(lower[start.upperBound...].prefix(70))
        var best: (end: String.Index, noun: (english: String, finnish: String))?
        for noun in Self.nouns {
            for keyword in noun.keywords {
                if let found = clause.firstRange(of: keyword), best == nil || found.upperBound < best!.end {
                    best = (found.upperBound, (noun.english, noun.finnish))
                }
            }
        }
        guard let best else { return nil }
        self.noun = best.noun
        let head = clause[..<best.end]
        let found = Self.specialties.compactMap { entry in
            head.firstRange(of: entry.keyword).map {
                (start: $0.lowerBound, english: entry.english, finnish: entry.finnish)
            }
        }
        specialty = found.min { $0.start < $1.start }.map { ($0.english, $0.finnish) }
    }

    /// "embedded software developer", "sulautettujen järjestelmien kehittäjä", "datainsinööri".
    func text(_ language: LetterLanguage) -> String {
        guard let specialty else {
            return language == .finnish ? "ohjelmisto" + noun.finnish : "software " + noun.english
        }
        if language == .english {
            return specialty.english == "embedded software" && noun.english != "developer" && noun.english != "engineer"
                ? "embedded " + noun.english : specialty.english + " " + noun.english
        }
        let prefix = specialty.finnish
        if let last = prefix.last, let first = noun.finnish.first, last == first, last.isLetter {
            return prefix + "-" + noun.finnish
        }
        return prefix + noun.finnish
    }
}

/// Kinds of roles a person may rule out, as the letter rules read them from titles and descriptions (coarser
/// than the ranking's `RoleFamily`: it only has to stop a letter from praising a role the candidate ruled out).
enum LetterRoleKind: String, Sendable, Hashable, CaseIterable {
    case marketing, sales, support, management, consulting, frontend, backend, testing, design, teaching

    var keywords: [String] {
        switch self {
        case .marketing: return ["marketing", "markkinoin", "go-to-market", "growth"]
        case .sales: return ["sales", "myynti", "myynnin", "account executive", "business development"]
        case .support: return ["support", "helpdesk", "asiakastuki", "tukipalvelu"]
        case .management: return ["management", "manager", "johtaja", "esihenkilö", "päällikkö"]
        case .consulting: return ["consult", "konsult"]
        case .frontend: return ["frontend", "front-end"]
        case .backend: return ["backend", "back-end"]
        case .testing: return ["testing", "tester", " qa ", "testaus", "testaaja"]
        case .design: return ["designer", " ux ", "muotoilu"]
        case .teaching: return ["teach", "opettaja", "kouluttaja"]
        }
    }

    /// The families a job's title (and the opening of its ad) belongs to.
    static func of(title: String, description: String) -> Set<LetterRoleKind> {
        let text = " " + (title + " " + description.prefix(300)).lowercased() + " "
        return Set(allCases.filter { $0.keywords.contains(where: text.contains) })
    }
}
