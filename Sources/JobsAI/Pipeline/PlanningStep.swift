/// Step 5: the best `cover-letter-num` jobs, each with what its letter should say.
enum PlanningStep {
    static func run(_ ranked: [ScoredListing], answers: Answers, profile: Profile) throws -> [LetterPlan] {
        let chosen = ranked.prefix(max(1, answers.coverLetterCount))
        guard !chosen.isEmpty else { throw StepFailure(.planning, "there were no scored jobs to write letters for.") }
        let signed = !(answers.aboutYou?.name ?? "").isEmpty
        return chosen.map {
            LetterPlan(
                scored: $0, profile: profile, styles: answers.letterStyles, language: answers.letterLanguage,
                signed: signed)
        }
    }
}
