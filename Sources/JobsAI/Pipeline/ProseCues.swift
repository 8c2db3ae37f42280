/// The small words that turn a person's sentence around, in English and Finnish: negations, contrasts,
/// wishes, list continuations, and the words that make a technology stressed or minor.
enum ProseCues {
    /// Words that rule out what follows ("not", "no", "won't", "ei", "en", "ilman").
    static let negations: Set<String> = [
        "not", "no", "never", "don't", "dont", "won't", "wont", "cannot", "can't", "avoid", "without", "except",
        "nor", "neither", "ei", "en", "emme", "eikä", "enkä", "älä", "ilman", "paitsi", "exclude", "excluding",
        "wouldn't", "isn't", "aren't", "en-", "ikinä", "koskaan",
    ]

    /// Words after which what follows is wanted again ("but", "mutta", "vaan", "instead").
    static let contrasts: Set<String> = [
        "but", "mutta", "vaan", "instead", "however", "kuitenkin", "sijaan", "rather", "mieluummin", "preferably",
        "mieluiten", "ideally", "ihanteellisesti", "only", "vain", "ainoastaan",
    ]

    /// Words of wanting ("I want", "looking for", "haluan", "etsin").
    static let wants: Set<String> = [
        "want", "wants", "looking", "seeking", "interested", "prefer", "like", "love", "enjoy", "hoping", "aim",
        "haluan", "haluaisin", "etsin", "kiinnostaa", "kiinnostunut", "kiinnostavat", "toivon", "tavoittelen",
        "open", "valmis", "hakusessa", "hakemassa",
    ]

    /// Words that go on listing after a clause break ("sales, marketing or consulting").
    static let listContinuations: Set<String> = ["or", "and", "tai", "ja", "nor", "eikä", "either", "neither", "sekä"]

    /// Families a person names mostly when ruling them out or telling their past; wanted only with a wish word.
    static let nonEngineering: Set<RoleFamily> = [.sales, .marketing, .consulting, .support, .management]

    /// Words that make a technology minor ("only for small test scripts", "vain vähän").
    static let minor: Set<String> = [
        "small", "little", "bit", "basic", "basics", "briefly", "occasionally", "hobby", "toy", "scripts", "minor",
        "vähän", "hieman", "pikkuisen", "perus", "perusteet", "pieniin", "pieni", "pieniä", "satunnaisesti",
        "harrastus", "skriptejä", "skripteihin", "vain", "only", "ainoastaan", "testiskripteihin",
    ]

    /// Words that make a technology stressed ("strong Kubernetes", "päivittäin").
    static let strong: Set<String> = [
        "strong", "expert", "daily", "mainly", "main", "deep", "extensive", "love", "passionate", "core", "years",
        "vahva", "vahvaa", "vahvat", "päivittäin", "pääasiassa", "syvällinen", "syvällistä", "intohimo",
        "rakastan", "vuotta", "vuoden", "production", "tuotannossa", "specialise", "specialize", "erikoistunut",
    ]

    /// The level a word asks for (`senior`, `harjoittelija`, `kesätyö`), if any.
    static func level(of word: String) -> JobLevel? {
        switch word {
        case "senior", "kokenut", "lead", "principal", "staff", "johtava", "vanhempi": return .expert
        case "junior", "nuorempi", "graduate", "vastavalmistunut", "vastavalmistuneena", "entry", "juniori":
            return .entry
        case "intern", "internship", "trainee", "thesis": return .intern
        default:
            if word.hasPrefix("harjoittel") || word.hasPrefix("kesätyö") || word.hasPrefix("opinnäyte") {
                return .intern
            }
            return nil
        }
    }

    /// The slider value for a number of years a person states.
    static func level(forYears years: Int) -> Int {
        switch years {
        case 3...: return 7
        case 2: return 5
        case 1: return 3
        default: return 2
        }
    }

    /// A sentence's clauses: split at commas and at "but", "mutta", "while", so each technology keeps the
    /// words said about it.
    static func clauses(of sentence: String) -> [String] {
        var clauses: [String] = []
        var current: [Substring] = []
        for word in sentence.split(separator: " ", omittingEmptySubsequences: true) {
            let bare = word.lowercased()
            if ["but", "mutta", "while", "whereas", "kun", "although", "vaikka", "except"].contains(bare) {
                if !current.isEmpty { clauses.append(current.joined(separator: " ")) }
                current = []
                continue
            }
            current.append(word)
            if word.hasSuffix(",") || word.hasSuffix(";") {
                clauses.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { clauses.append(current.joined(separator: " ")) }
        return clauses
    }
}
