/// Words in English and Finnish that say how senior a job is, and words for "years" of experience.
enum LevelSignals {
    static let byLevel: [(level: JobLevel, words: [String])] = [
        (
            .expert,
            [
                "senior", "sr", "lead", "principal", "staff engineer", "architect", "arkkitehti", "expert",
                "vanhempi", "kokenut", "kokeneen", "kokenutta", "kokeneelta", "kokeneeksi", "johtava", "head of",
                "pääkehittäjä", "tech lead",
            ]
        ),
        (.intermediate, ["mid", "medior", "intermediate", "mid level"]),
        (
            .entry,
            [
                "junior", "jr", "entry level", "graduate", "trainee", "nuorempi", "vastavalmistunut", "aloitteleva",
                "early career", "juniori",
            ]
        ),
        (
            .intern,
            [
                "intern", "internship", "harjoittelija", "harjoittelu", "työharjoittelu", "kesätyö", "kesätyöntekijä",
                "summer job", "summer trainee", "thesis", "opinnäytetyö", "opinnäytetyöntekijä", "harjoittelijaksi",
                "kesätyöhön",
            ]
        ),
    ]

    /// Units after a number that make it a years-of-experience requirement (`5+ years`, `3 vuotta`).
    static let yearWords = ["years", "year", "yrs", "vuotta", "vuoden", "vuosi", "vuosien"]

    /// The level a years requirement points to.
    static func level(forRequiredYears years: Int) -> JobLevel {
        switch years {
        case 5...: return .expert
        case 3...4: return .intermediate
        default: return .entry
        }
    }
}
