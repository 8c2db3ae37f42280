/// How each style opens, bridges to the person, names a gap and closes, in Finnish. Names the writer
/// cannot inflect (skills, titles) are joined as compounds or set apart, so every sentence stays grammatical.
enum StylePhrasesFinnish: LetterPhrases {
    static func salutation(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        switch style {
        case .professional: return "Hyvä rekrytointitiimi,"
        case .friendly: return "Hei,"
        case .confident: return "Hyvä vastaanottaja,"
        case .funny: return "Hei, hakemuspinon urhea lukija,"
        }
    }

    private static func place(_ facts: LetterFacts) -> String {
        if facts.ad.isRemote { return " etätyönä" }
        return facts.ad.city.flatMap(FinnishGrammar.inessive).map { " " + $0 } ?? ""
    }

    static func opening(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        let owner = FinnishGrammar.genitive(facts.company)
        let seeking = FinnishGrammar.role(facts.title, partitive: true)
        let into = FinnishGrammar.role(facts.title, partitive: false)
        let place = place(facts)
        let style = facts.restrained ? .professional : style
        guard !facts.company.isEmpty else {
            // No company to name: the ad is "yours", the role "the one you advertised".
            switch style {
            case .professional: return "Haen \(seeking)\(place)."
            case .friendly: return "Ilahduin huomatessani ilmoituksenne, ja haen nyt \(seeking)\(place)."
            case .confident: return "Haen \(seeking)\(place), ja pystyn tuottamaan tulosta jo ensimmäisinä viikkoina."
            case .funny:
                return
                    "Huomasin, että etsitte tekijää \(into)\(place), ja näppäimistöni alkoi kirjoittaa tätä hakemusta aivan itsestään."
            }
        }
        let company = facts.company
        switch style {
        case .professional:
            return facts.pick([
                "Haen \(owner) avoinna olevaa \(seeking)\(place).",
                "Tällä hakemuksella haen \(owner) \(seeking)\(place).",
            ])
        case .friendly:
            return facts.pick([
                "Ilahduin huomatessani \(owner) ilmoituksen, ja haen nyt \(seeking)\(place).",
                "Kun luin ilmoituksenne, tiesin heti haluavani hakea \(owner) \(seeking)\(place).",
            ])
        case .confident:
            return facts.pick([
                "Haen \(owner) \(seeking)\(place), ja pystyn tuottamaan tulosta jo ensimmäisinä viikkoina.",
                "Olen vahva ehdokas \(owner) \(into)\(place), ja kerron tässä miksi.",
            ])
        case .funny:
            return facts.pick([
                "Huomasin, että \(company) etsii tekijää \(into)\(place), ja näppäimistöni alkoi kirjoittaa tätä hakemusta aivan itsestään.",
                "\(owner.prefix(1).uppercased() + owner.dropFirst()) \(into) etsitään tekijää\(place), joten ilmoittaudun vapaaehtoiseksi.",
            ])
        }
    }

    static func responsibility(quote: String, _ facts: LetterFacts) -> String {
        facts.pick([
            "Ilmoituksessanne työtä kuvataan näin: \"\(quote)\"",
            "Ilmoituksenne tiivistää tehtävän hyvin: \"\(quote)\"",
            "Kuten ilmoituksessanne todetaan: \"\(quote)\"",
        ])
    }

    static func activity(_ clause: String, _ facts: LetterFacts) -> String {
        facts.pick(["Ilmoituksenne mukaan \(clause).", "Ymmärrän, että \(clause)."])
    }

    static func sharedValue(_ value: Phrase, _ facts: LetterFacts) -> String {
        facts.pick([
            "Ilmoituksessa korostettu \(value.finnish) on minullekin tärkeää.",
            "Huomasin, että arvostatte samaa kuin minä: \(value.finnish).",
        ])
    }

    static func focus(on skills: [String]) -> String {
        "Tehtävän painopiste, eli \(list(skills)), on vahvinta osaamisaluettani."
    }

    static func sharedDomain(_ domain: Phrase) -> String {
        "\(StylePhrases.capitalized(domain.finnish)) on minulle entuudestaan tuttu ala."
    }

    static func introduction(role: RoleTitle?, years: Double?) -> String? {
        switch (role, years) {
        case (let role?, let years?):
            let noun = role.text(.finnish)
            return "Olen työskennellyt \(FinnishGrammar.essive(noun)) noin \(yearsText(years))."
        case (let role?, nil):
            return "Olen ammatiltani \(role.text(.finnish))."
        case (nil, let years?):
            return "Ohjelmistotyöstä minulla on kokemusta noin \(yearsText(years))."
        case (nil, nil):
            return nil
        }
    }

    static var plainSkillsLead: String { "Tässä lyhyesti, mitä voin tarjota." }

    static func skillsLead(_ style: LetterStyle) -> String {
        switch style {
        case .professional: return "Osaamiseni vastaa hyvin tehtävän vaatimuksia."
        case .friendly: return "Tehtävän tekninen puoli on minulle tuttua maastoa."
        case .confident: return "Taitoni osuvat suoraan vaatimuksiinne."
        case .funny: return "Sitten vakavampaan osuuteen, jossa luettelen osaamiseni ja yritän olla vitsailematta."
        }
    }

    static func experience(_ skills: [SkillLine]) -> String {
        let parts = grouped(skills, years: years).map {
            "\($0.years) \(FinnishGrammar.compoundList($0.names, "kokemus"))"
        }
        return "Minulla on \(list(parts))."
    }

    static func gap(_ style: LetterStyle, missing: String) -> String {
        let experience = FinnishGrammar.compoundHead(missing) + "kokemusta"
        switch style {
        case .professional:
            return "\(experience) minulla ei vielä ole, mutta perehtyisin siihen heti työn alussa."
        case .friendly: return "\(missing) olisi minulle uusi asia, ja opettelisin sen mielelläni tiiminne kanssa."
        case .confident: return "\(experience) minulla ei vielä ole, mutta omaksun uudet työkalut nopeasti."
        case .funny: return "\(missing) ja minä emme ole vielä tavanneet, mutta uskon, että tulemme hyvin toimeen."
        }
    }

    static func level(_ level: JobLevel) -> String {
        switch level {
        case .expert: return "Tehtävän senioritaso vastaa sitä, mitä haen."
        case .intermediate: return "Tehtävän vaativuustaso vastaa sitä, mitä haen."
        case .entry: return "Juniorin tehtävä on minulle oikea seuraava askel."
        case .intern: return "Harjoittelupaikka on minulle oikea seuraava askel."
        }
    }

    static func motivation(_ style: LetterStyle, _ interests: [Phrase]) -> String {
        let things = list(interests.map(\.finnish))
        let plural = interests.count > 1
        switch style {
        case .professional:
            return plural ? "Työssä minulle tärkeitä asioita ovat \(things)." : "Työssä minulle tärkeää on \(things)."
        case .friendly:
            return plural ? "Hyvän työpäivän tekevät minulle \(things)." : "Hyvän työpäivän tekee minulle \(things)."
        case .confident:
            return plural ? "Työni tunnusmerkkejä ovat \(things)." : "Työni tunnusmerkki on \(things)."
        case .funny:
            return plural
                ? "Kahvitaukokeskusteluissani toistuvat yllättävän usein \(things)."
                : "Kahvitaukokeskusteluissani toistuu yllättävän usein \(things)."
        }
    }

    static func closing(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        switch facts.restrained ? .professional : style {
        case .professional:
            return facts.pick([
                "Kiitos ajastanne. Kerron mielelläni lisää osaamisestani haastattelussa.",
                "Kiitos, että luitte hakemukseni. Keskustelen mielelläni siitä, miten voisin vahvistaa tiimiänne.",
            ])
        case .friendly:
            return facts.pick([
                "Olisi mukava jutella tehtävästä ja kuulla lisää tiimistänne. Kiitos, että luit hakemukseni!",
                "Tapaisin mielelläni ja kertoisin lisää itsestäni. Kiitos ajastasi!",
            ])
        case .confident:
            return facts.pick([
                "Olen valmis tarttumaan työhön ja näytän mielelläni haastattelussa, mitä se tarkoittaa käytännössä.",
                "Keskustellaan siitä, mitä voin saada aikaan tiimissänne. Odotan yhteydenottoanne.",
            ])
        case .funny:
            return facts.pick([
                "Jatkan keskustelua mielelläni kahvin tai teen äärellä, en ole nirso. Kiitos, että jaksoit lukea tänne asti!",
                "Jos kutsutte minut haastatteluun, lupaan, että commit-viestini ovat informatiivisempia kuin \"korjattu juttuja\". Kiitos lukemisesta!",
            ])
        }
    }

    static func signOff(_ style: LetterStyle) -> String {
        switch style {
        case .professional: return "Ystävällisin terveisin,"
        case .friendly: return "Lämpimin terveisin,"
        case .confident: return "Parhain terveisin,"
        case .funny: return "Hymyillen ja parhain terveisin,"
        }
    }

    /// The years a slider value allows, as the attribute of "kokemus" ("yli kolmen vuoden").
    static func years(_ level: Int) -> String {
        switch level {
        case ...1: return "muutaman kuukauden"
        case 2: return "lähes vuoden"
        case 3: return "yli vuoden"
        case 4: return "lähes kahden vuoden"
        case 5: return "yli kahden vuoden"
        case 6: return "lähes kolmen vuoden"
        default: return "yli kolmen vuoden"
        }
    }

    private static let numberWords = [
        "nolla", "yhden", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän", "kahdeksan", "yhdeksän", "kymmenen",
    ]

    /// "neljä vuotta", "vuoden", "puolitoista vuotta" (after "noin").
    static func yearsText(_ years: Double) -> String {
        let whole = Int(years)
        if years >= 1.5 && years < 2 { return "puolitoista vuotta" }
        if whole <= 0 { return "puoli vuotta" }
        if whole == 1 { return "vuoden" }
        return whole < numberWords.count ? "\(numberWords[whole]) vuotta" : "\(whole) vuotta"
    }

    /// "a", "a ja b", "a, b ja c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " ja " + (items.last ?? "")
        }
    }
}
