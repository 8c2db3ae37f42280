/// Tells English from Finnish by their most common small words; technology names and titles count for neither.
public enum TextLanguage {
    static let finnishWords: Set<String> = [
        "ja", "olet", "olen", "ovat", "sekä", "että", "tai", "kanssa", "meillä", "meidän", "sinulla", "sinä",
        "sinun", "haemme", "etsimme", "työ", "työssä", "tehtävä", "tehtävässä", "tehtäviin", "kokemusta", "kokemus",
        "osaamista", "osaaminen", "hyvä", "hyvät", "vuoden", "vuotta", "joka", "jotka", "myös", "ei", "en", "kuin",
        "tämä", "tässä", "minulla", "minua", "minun", "haluan", "hakemus", "yrityksen", "tiimi", "tiimissä",
        "tiimiin", "toimii", "olisi", "eduksi", "arvostamme", "tarjoamme", "kiitos", "ystävällisin", "terveisin",
        "hei", "lisäksi", "jossa", "missä", "kun", "mutta", "niin", "voin", "olisin", "mielelläni",
        "odotamme", "sinulta", "meille", "meitä", "kehitämme", "haluamme", "sijainti", "työpaikan",
    ]
    static let englishWords: Set<String> = [
        "the", "and", "with", "of", "to", "you", "your", "is", "are", "for", "in", "we", "our", "i", "my", "am",
        "have", "has", "will", "would", "be", "as", "at", "that", "this", "an", "a", "from", "about", "what",
        "it", "me", "can", "who", "looking", "experience", "team", "work", "thank", "regards", "dear", "hello",
    ]

    /// The language of a text, nil when it shows neither clearly.
    public static func detect(_ text: String) -> LetterLanguage? {
        let (finnish, english) = counts(text)
        guard finnish + english >= 2 else { return nil }
        if finnish > english { return .finnish }
        if english > finnish { return .english }
        return nil
    }

    /// Finnish and English function words in a text.
    static func counts(_ text: String) -> (finnish: Int, english: Int) {
        var finnish = 0
        var english = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let word = String(word)
            if finnishWords.contains(word) { finnish += 1 }
            if englishWords.contains(word) { english += 1 }
        }
        return (finnish, english)
    }

    /// Whether a sentence is clearly written in the other language than `language`.
    static func isForeign(_ sentence: String, in language: LetterLanguage) -> Bool {
        let (finnish, english) = counts(sentence)
        switch language {
        case .english: return finnish >= 2 && finnish > english
        case .finnish: return english >= 2 && english > finnish
        }
    }
}
