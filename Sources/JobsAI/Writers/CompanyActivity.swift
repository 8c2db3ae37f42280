/// What the company does, from an ad sentence such as "Koodi Oy builds payment systems for Nordic banks." or
/// "Kehitämme maksujärjestelmiä.", turned to address the reader: "you build payment systems for Nordic banks",
/// "kehitätte maksujärjestelmiä". Only short sentences with a known verb qualify, so the result stays grammatical
/// and is a restatement, not a paste.
struct CompanyActivity: Sendable, Hashable {
    /// The clause addressing the company ("you build ...", "kehitätte ...").
    let clause: String
    /// The language of the sentence it came from.
    let language: LetterLanguage

    private static let englishVerbs: [String: String] = [
        "builds": "build", "develops": "develop", "makes": "make", "designs": "design", "creates": "create",
        "helps": "help", "runs": "run", "operates": "operate", "delivers": "deliver",
        "serves": "serve", "produces": "produce", "manufactures": "manufacture", "powers": "power",
        "connects": "connect", "specializes": "specialize", "specialises": "specialise",
    ]
    private static let finnishVerbs: [String: String] = [
        "kehittää": "kehitätte", "rakentaa": "rakennatte", "tekee": "teette", "valmistaa": "valmistatte",
        "tuottaa": "tuotatte", "suunnittelee": "suunnittelette", "auttaa": "autatte",
        "toimittaa": "toimitatte", "palvelee": "palvelette", "ylläpitää": "ylläpidätte", "luo": "luotte",
        "kehitämme": "kehitätte", "rakennamme": "rakennatte", "teemme": "teette", "valmistamme": "valmistatte",
        "tuotamme": "tuotatte", "suunnittelemme": "suunnittelette", "autamme": "autatte",
        "toimitamme": "toimitatte", "palvelemme": "palvelette", "ylläpidämme": "ylläpidätte", "luomme": "luotte",
    ]
    /// Sentences about what the job offers are not about what the company does.
    private static let offerWords = [
        "benefit", "salary", "hours", "holiday", "laptop", "työaika", "työterveys", "koulutusbudjet", "lounas",
        "palkka",
    ]
    private static let plainEnglish: Set<String> = Set(englishVerbs.values)

    /// The first sentence of the ad that says what the company does, addressed to it.
    init?(description: String, company: String) {
        let companyWords = LetterText.words(company)
        for sentence in DescriptionFacts.sentences(of: description) where sentence.last == "." {
            let words = sentence.dropLast().split(separator: " ").map(String.init)
            guard (4...16).contains(words.count), !Self.offerWords.contains(where: sentence.lowercased().contains)
            else { continue }
            let lower = words.map { $0.lowercased() }
            // "<Company> builds ...", "We build ...", "<Company> kehittää ...", "Kehitämme ...".
            var verbIndex: Int?
            if !companyWords.isEmpty, lower.count > companyWords.count,
                Array(lower.prefix(companyWords.count)).map({ LetterText.words($0).joined() }) == companyWords
            {
                verbIndex = companyWords.count
            } else if lower.first == "we" {
                verbIndex = 1
            } else if Self.finnishVerbs[lower[0]] != nil, lower[0].hasSuffix("mme") {
                verbIndex = 0
            }
            guard let index = verbIndex, index < lower.count else { continue }
            let verb = lower[index]
            let rest = words[(index + 1)...].joined(separator: " ")
            guard !rest.isEmpty, !rest.contains("\""), words.count - index <= 12 else { continue }
            if let english = Self.englishVerbs[verb]
                ?? (lower.first == "we" && Self.plainEnglish.contains(verb) ? verb : nil)
            {
                clause = "you \(english) \(rest)"
                language = .english
                return
            }
            if let finnish = Self.finnishVerbs[verb] {
                clause = "\(finnish) \(rest)"
                language = .finnish
                return
            }
        }
        return nil
    }
}
