import BuildingBlocks

/// What a letter may take from an ad: where the work is, the sentence that states the main
/// responsibility, the domains it names, and which skills it really requires.
struct AdFacts {
    /// Whether the work is remote.
    let isRemote: Bool
    /// The city, when the location names one (remote words dropped).
    let city: String?
    /// A whole sentence stating what the job holder will do, when the ad has one.
    let responsibility: String?
    /// The language of the ad.
    let language: LetterLanguage?
    /// What the company does, addressed to it, when the ad says so plainly.
    let activity: CompanyActivity?
    /// Domains the ad names.
    let domains: [Phrase]
    /// Ways of working the ad values (clean code, testing, teamwork).
    let values: [Phrase]
    private let lines: [String]

    private static let remoteWords = ["remote", "etä", "etänä", "etätyö"]
    private static let dutyMarkers = [
        "you will", "your role", "you'll", "responsible for", "in this role", "your job", "tehtävässä",
        "tehtäväsi", "vastaat", "pääset", "työskentelet", "työssäsi",
    ]
    private static let niceMarkers = [
        "nice", "plus", "bonus", "advantage", "eduksi", "plussaa", "familiar", "toivottav", "preferab", "ideally",
        "merit", "hyödyksi",
    ]
    private static let requiredMarkers = ["require", "must", "vaadi", "edellyt", "experience with", "kokemusta"]

    init(_ listing: JobListing, company: String) {
        let lowerLocation = listing.location.lowercased()
        let lowerText = (listing.title + "\n" + listing.description).lowercased()
        isRemote =
            Self.remoteWords.contains(where: lowerLocation.contains) || lowerText.contains("fully remote")
            || lowerText.contains("työ tehdään etänä")
        city =
            listing.location.split(whereSeparator: { ",/|".contains($0) }).map { $0.trimmingWhitespacesAndNewlines() }
            .first { part in
                !part.isEmpty && !Self.remoteWords.contains(where: part.lowercased().contains)
                    && !part.lowercased().contains("hybrid")
            }
        lines = listing.description.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespacesAndNewlines() }
        language = TextLanguage.detect(listing.description)
        let lowerCompany = company.lowercased()
        responsibility = DescriptionFacts.sentences(of: listing.description).first { sentence in
            let lower = sentence.lowercased()
            let words = LetterText.words(sentence).count
            return Self.dutyMarkers.contains(where: lower.contains) && (6...35).contains(words)
                && sentence.first?.isUppercase == true && sentence.last.map { ".!".contains($0) } == true
                && (lowerCompany.isEmpty || !lower.contains(lowerCompany)) && !sentence.contains("\"")
                && !sentence.hasPrefix("-")
        }
        activity = CompanyActivity(description: listing.description, company: company)
        domains = Phrase.domains.filter { $0.matches(" " + lowerText) }
        values = Phrase.interests.filter { $0.matches(" " + lowerText) }
    }

    /// Whether the ad requires a skill: named on a line that is not marked nice to have, under a
    /// requirements heading or with a word that requires it.
    func requires(_ skill: String) -> Bool {
        let lowerSkill = skill.lowercased()
        var underHeading = false
        for line in lines where !line.isEmpty {
            let lower = line.lowercased()
            if line.count < 60, line.hasSuffix(":") || lower.contains("requirement") || lower.contains("odotamme") {
                underHeading = !Self.niceMarkers.contains(where: lower.contains)
                if line.hasSuffix(":") { continue }
            }
            guard RequirementLines.mentions(lower, lowerSkill) else { continue }
            if Self.niceMarkers.contains(where: lower.contains) { continue }
            if underHeading || Self.requiredMarkers.contains(where: lower.contains) { return true }
        }
        return false
    }
}

/// Finnish forms a letter needs for names it cannot know in advance.
enum FinnishGrammar {
    /// "Koodi Oy:n", "Nokian", "Reaktorin".
    static func genitive(_ name: String) -> String {
        guard let last = name.last else { return name }
        let lastWord = name.split(separator: " ").last.map(String.init) ?? name
        if ["Oy", "Oyj", "Ab", "Ltd", "Inc", "AB", "GmbH", "Ry"].contains(lastWord) || last.isUppercase
            || last.isNumber
        {
            return name + ":n"
        }
        if "aeiouyäöAEIOUYÄÖ".contains(last) { return name + "n" }
        return name + "in"
    }

    private static let inessives: [String: String] = [
        "helsinki": "Helsingissä", "espoo": "Espoossa", "vantaa": "Vantaalla", "tampere": "Tampereella",
        "turku": "Turussa", "oulu": "Oulussa", "jyväskylä": "Jyväskylässä", "kuopio": "Kuopiossa",
        "lahti": "Lahdessa", "pori": "Porissa", "vaasa": "Vaasassa", "joensuu": "Joensuussa",
        "seinäjoki": "Seinäjoella", "lappeenranta": "Lappeenrannassa", "hämeenlinna": "Hämeenlinnassa",
        "kotka": "Kotkassa", "kouvola": "Kouvolassa", "rovaniemi": "Rovaniemellä", "mikkeli": "Mikkelissä",
    ]

    /// "Helsingissä" for the cities it knows, nil otherwise.
    static func inessive(_ city: String) -> String? { inessives[city.lowercased()] }

    private static let genitiveNouns: [String: String] = [
        "kehittäjä": "kehittäjän", "insinööri": "insinöörin", "arkkitehti": "arkkitehdin",
        "asiantuntija": "asiantuntijan", "suunnittelija": "suunnittelijan", "ohjelmoija": "ohjelmoijan",
        "analyytikko": "analyytikon", "testaaja": "testaajan", "konsultti": "konsultin", "päällikkö": "päällikön",
        "tieteilijä": "tieteilijän",
    ]

    /// A job title as the object of "haen": the title and the case of `tehtävä` asked for
    /// ("Python-kehittäjän tehtävää", "Senior Data Engineer -tehtävään", "Java-kehittäjän harjoittelupaikkaa").
    static func role(_ title: String, partitive: Bool) -> String {
        var name = title.trimmingWhitespacesAndNewlines()
        if name == "avoin" { return partitive ? "ilmoittamaanne tehtävää" : "ilmoittamaanne tehtävään" }
        var noun = partitive ? "tehtävää" : "tehtävään"
        if let comma = name.firstRange(of: ", harjoittelija") {
            name = String(name[..<comma.lowerBound])
            noun = partitive ? "harjoittelupaikkaa" : "harjoittelupaikkaan"
        }
        var tail = ""
        if let open = name.firstIndex(of: "(") {
            tail = " " + String(name[open...]).trimmingWhitespacesAndNewlines()
            name = String(name[..<open]).trimmingWhitespacesAndNewlines()
        }
        let lower = name.lowercased()
        for (nominative, genitive) in genitiveNouns where lower.hasSuffix(nominative) {
            return String(name.dropLast(nominative.count)) + genitive + tail + " " + noun
        }
        let joined = name + tail
        return joined.contains(" ") ? joined + " -" + noun : joined + "-" + noun
    }

    /// "Python-" / "Amazon Web Services -" for the first parts of a Finnish compound list.
    static func compoundHead(_ name: String) -> String { name.contains(" ") ? name + " -" : name + "-" }

    /// "Python- ja SQL-kokemus": names joined as compounds of `word`.
    static func compoundList(_ names: [String], _ word: String) -> String {
        // Names with a space go last: "Linux- ja Embedded C -kokemus".
        let names = names.filter { !$0.contains(" ") } + names.filter { $0.contains(" ") }
        guard let last = names.last else { return word }
        let head = names.dropLast().map(compoundHead)
        let final = compoundHead(last) + word
        switch head.count {
        case 0: return final
        default:
            return head.dropLast().map { $0 + "," }.joined(separator: " ") + (head.count > 1 ? " " : "")
                + (head.last ?? "") + " ja " + final
        }
    }

    /// The essive of a role noun: "kehittäjänä", "arkkitehtina".
    static func essive(_ word: String) -> String {
        let back = word.lowercased().last(where: { "aouäöy".contains($0) }).map { "aou".contains($0) } ?? false
        return word + (back ? "na" : "nä")
    }
}
