/// Finnish cities with the case forms people and ads write (`Helsingissä`, `Tampereella`, `Oulusta`),
/// and the words for remote work and for moving.
enum PlaceVocabulary {
    /// Each city's name and its common forms, lower case. At most 32 cities (a `UInt32` set).
    static let cities: [(name: String, forms: [String])] = [
        (
            "Helsinki",
            [
                "helsinki", "helsingissä", "helsingin", "helsinkiin", "helsingistä", "helsingille", "pääkaupunkiseutu",
                "pääkaupunkiseudulla", "pääkaupunkiseudun", "pääkaupunkiseudulle", "capital region",
            ]
        ),
        ("Espoo", ["espoo", "espoossa", "espoon", "espooseen", "espoosta"]),
        ("Vantaa", ["vantaa", "vantaalla", "vantaan", "vantaalle", "vantaalta"]),
        ("Tampere", ["tampere", "tampereella", "tampereen", "tampereelle", "tampereelta"]),
        ("Turku", ["turku", "turussa", "turun", "turkuun", "turusta"]),
        ("Oulu", ["oulu", "oulussa", "oulun", "ouluun", "oulusta"]),
        ("Jyväskylä", ["jyväskylä", "jyväskylässä", "jyväskylän", "jyväskylään", "jyväskylästä"]),
        ("Kuopio", ["kuopio", "kuopiossa", "kuopion", "kuopioon", "kuopiosta"]),
        ("Lahti", ["lahti", "lahdessa", "lahteen", "lahdesta"]),
        ("Joensuu", ["joensuu", "joensuussa", "joensuun", "joensuuhun", "joensuusta"]),
        ("Vaasa", ["vaasa", "vaasassa", "vaasan", "vaasaan", "vaasasta"]),
        ("Pori", ["pori", "porissa", "porin", "poriin", "porista"]),
        ("Lappeenranta", ["lappeenranta", "lappeenrannassa", "lappeenrannan", "lappeenrantaan", "lappeenrannasta"]),
        ("Seinäjoki", ["seinäjoki", "seinäjoella", "seinäjoen", "seinäjoelle", "seinäjoelta"]),
        ("Rovaniemi", ["rovaniemi", "rovaniemellä", "rovaniemen", "rovaniemelle", "rovaniemeltä"]),
        ("Hämeenlinna", ["hämeenlinna", "hämeenlinnassa", "hämeenlinnan", "hämeenlinnaan", "hämeenlinnasta"]),
        ("Kotka", ["kotka", "kotkassa", "kotkan", "kotkaan", "kotkasta"]),
        ("Kajaani", ["kajaani", "kajaanissa", "kajaanin", "kajaaniin", "kajaanista"]),
        ("Mikkeli", ["mikkeli", "mikkelissä", "mikkelin", "mikkeliin", "mikkelistä"]),
        ("Kokkola", ["kokkola", "kokkolassa", "kokkolan", "kokkolaan", "kokkolasta"]),
        ("Salo", ["salo", "salossa", "salon", "saloon", "salosta"]),
        ("Kerava", ["kerava", "keravalla", "keravan", "keravalle"]),
    ]

    /// Words that make a job remote when a location or title says them; in a person's text, a remote wish.
    static let remoteWords = [
        "remote", "etä", "etätyö", "etätyönä", "etänä", "etätyötä", "etätyöhön", "fully remote",
        "remote first", "täysin etänä", "work from home", "kotoa käsin", "anywhere in finland", "koko suomi",
    ]

    /// Words for hybrid work.
    static let hybridWords = ["hybrid", "hybridi", "hybridimalli", "hybridityö", "hybridityötä", "hybridinä"]

    /// Body phrases that make an ad fully remote (a plain "remote" in a body often means a day a week).
    static let fullyRemotePhrases = [
        "fully remote", "remote first", "100 remote", "täysin etänä", "täysin etätyönä", "remote only",
        "kokonaan etänä",
    ]

    /// Stems of words about moving to another city.
    static let relocationStems = ["relocat", "muutta", "muuton", "muutto", "paikkakunnalle"]

    /// The index of the city a word names (whole word), if any.
    static func city(named word: String) -> Int? {
        cities.firstIndex { $0.forms.contains(word) }
    }
}
