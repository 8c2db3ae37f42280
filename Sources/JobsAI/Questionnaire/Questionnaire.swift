/// The whole questionnaire as data: the ten sets in order, plus the optional "About you" set.
public struct Questionnaire: Sendable {
    /// Set 1's heading.
    public let generalTitle: String
    /// Set 1's questions.
    public let general: [GeneralQuestion]
    /// Sets 2 to 9.
    public let technologySets: [TechnologySet]
    /// Set 10's heading (its content is `PersonalDescription`).
    public let personalDescriptionTitle: String

    /// The questionnaire the original shipped, with the "About you" set added.
    public static let standard = Questionnaire(
        generalTitle: "General Questions",
        general: GeneralQuestion.all,
        technologySets: [
            .languages, .databases, .cloudDevelopment, .webFrameworks, .devIDEs, .llms, .docAndCollab,
            .operatingSystems,
        ],
        personalDescriptionTitle: PersonalDescription.title)

    /// The number of numbered sets (general, eight technology sets, personal description).
    public var numberedSetCount: Int { technologySets.count + 2 }

    /// The technology set with this id, if it is one.
    public func technologySet(_ id: QuestionSetID) -> TechnologySet? { technologySets.first { $0.id == id } }

    /// Every built-in technology with the set it belongs to.
    public var allTechnologies: [(set: QuestionSetID, technology: Technology)] {
        technologySets.flatMap { set in set.technologies.map { (set.id, $0) } }
    }
}
