/// Words in an ad that say whether the skills named with them are required or nice to have.
enum SectionWords {
    /// Headers after which skills are required again.
    static let required = [
        "requirements", "required", "must have", "you have", "we expect", "qualifications", "vaatimukset",
        "edellytämme", "odotamme", "osaamisvaatimukset", "vaadimme", "edellytykset", "what you bring",
    ]

    /// Markers of skills that are nice to have: before a list or at the end of the sentence naming them.
    static let niceToHave = [
        "nice to have", "a plus", "bonus", "advantage", "preferred", "eduksi", "etua", "plussaa", "meriitiksi",
        "hyödyksi",
    ]
}
