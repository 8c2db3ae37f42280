import Foundation
import Testing

@testable import JobsAI

/// A chosen job's score explained for the page: whole points that add up to the score, in plain words.
@Suite struct ScoreExplanationTests {
    static let now = PreferenceScoringTests.now

    func explain(_ profile: Profile, _ listing: JobListing) -> (ScoredListing, ScoreExplanation) {
        let scored = ListingScorer(profile: profile, now: Self.now).score(listing)
        return (scored, ScoreExplanation(scored))
    }

    @Test func partsAddUpToTheScoreForEveryCandidateAndListing() throws {
        let listings = try RankingEvaluation.listings().map { RankingEvaluation.jobListing($0, deep: true) }
        var checked = 0
        var withPenalty = 0
        for candidate in try RankingEvaluation.candidateNames() {
            let scorer = ListingScorer(profile: try RankingEvaluation.profile(candidate), now: RankingEvaluation.now)
            for listing in listings {
                let scored = scorer.score(listing)
                let explanation = ScoreExplanation(scored)
                let total = explanation.parts.reduce(0) { $0 + $1.points }
                if scored.score > 0 { #expect(total == scored.score, "\(candidate): \(listing.title)") }
                #expect(explanation.parts.filter { $0.points >= 0 }.reduce(0) { $0 + $1.maxPoints } == 100)
                #expect(explanation.parts.allSatisfy { $0.maxPoints == 0 ? $0.points < 0 : $0.points <= $0.maxPoints })
                #expect(explanation.parts.prefix(3).map(\.kind) == [.skills, .level, .recency])
                if explanation.parts.contains(where: { $0.points < 0 }) { withPenalty += 1 }
                checked += 1
            }
        }
        #expect(checked > 300)
        #expect(withPenalty > 0, "the evaluation set has ads for ruled-out roles")
    }

    @Test func skillsAreSplitIntoRequiredAndNiceToHaveInPlainWords() {
        let profile = Profile(
            skills: [PreferenceScoringTests.skill("Python", "python", .languages, 7)], jobLevels: [.intermediate],
            description: "")
        let (_, explanation) = explain(
            profile,
            PreferenceScoringTests.listing(
                "Python Developer", "", "Requirements: Python, Go. 3 years of experience. Nice to have: Kotlin, Scala.")
        )
        #expect(explanation.matchedRequired == ["Python"])
        #expect(explanation.missingRequired == ["Go"])
        #expect(explanation.matchedNiceToHave.isEmpty)
        #expect(explanation.missingNiceToHave == ["Kotlin", "Scala"])
        let skills = explanation.parts[0]
        #expect(
            skills.text
                == "You have 1 of the 2 required skills and none of the 2 nice-to-haves (they count half). The "
                + "title asks for Python, which counts double. More years with a skill count more.")
        #expect(
            explanation.parts[1].text
                == "The ad asks for 3 years of experience, which reads as a mid-level job: a full fit for the levels "
                + "you chose.")
        #expect(explanation.parts[2].text == "Published today; newer ads score a little higher.")
        #expect(explanation.parts.count == 3, "no role or location wishes, no penalties")

        let (_, only) = explain(profile, PreferenceScoringTests.listing("Python Developer", "", "We use Python."))
        #expect(only.parts[0].text.hasPrefix("You have the one required skill. "))
        let (_, both) = explain(
            Profile(
                skills: [
                    PreferenceScoringTests.skill("Python", "python", .languages, 7),
                    PreferenceScoringTests.skill("Go", "go", .languages, 3),
                ], jobLevels: [], description: ""),
            PreferenceScoringTests.listing("Developer", "", "Requirements: Python and Go."))
        #expect(both.parts[0].text == "You have all 2 required skills. More years with a skill count more.")
    }

    @Test func roleLocationAndPenaltiesAreNamedAndSubtracted() {
        let text = "Python, Go, PostgreSQL."
        let (scored, explanation) = explain(
            PreferenceScoringTests.backend, PreferenceScoringTests.listing("Senior Backend Developer", "Oulu", text))
        #expect(explanation.parts.map(\.kind) == [.skills, .level, .recency, .role, .location, .relocation])
        let role = explanation.parts[3]
        #expect(role.text == "The title is for a backend role: a full fit for the roles you asked for.")
        #expect(role.points == role.maxPoints)
        #expect(explanation.parts[4].text == "The ad's location, “Oulu”, is a poor fit for where you want to work.")
        let move = explanation.parts[5]
        #expect(move.points == -35 && move.maxPoints == 0)
        #expect(move.text == "The job is on site in another city, and you do not want to move.")
        #expect(explanation.parts.reduce(0) { $0 + $1.points } == scored.score)

        let (marketing, ruledOut) = explain(
            PreferenceScoringTests.backend,
            PreferenceScoringTests.listing("Growth Marketing Manager", "Helsinki", "Our users write Python."))
        #expect(ruledOut.parts.last?.kind == .excludedRole)
        #expect(ruledOut.parts.last?.points == -50)
        #expect(marketing.score == 0 || ruledOut.parts.reduce(0) { $0 + $1.points } == marketing.score)
    }

    @Test func aScoreHeldAtZeroSaysSo() {
        let (scored, explanation) = explain(
            PreferenceScoringTests.backend,
            PreferenceScoringTests.listing("Sales Manager", "Oulu", "Sales targets and marketing campaigns."))
        #expect(scored.score == 0)
        #expect(explanation.parts.reduce(0) { $0 + $1.points } < 0)
        #expect(explanation.parts.last?.text.hasSuffix("A score does not go below 0.") == true)
    }

    @Test func anAdWithoutTechnologiesOrLevelOrDateIsNeutral() {
        let profile = Profile(skills: [], jobLevels: [.entry], description: "")
        let listing = JobListing(board: .jobly, title: "Office Helper", company: "Oy", url: "u")
        let (_, explanation) = explain(profile, listing)
        #expect(explanation.parts[0].text == "The ad names no technologies, so skills count as neutral.")
        #expect(
            explanation.parts[1].text
                == "The ad does not say which level it is for, so the level counts as a partial fit.")
        #expect(explanation.parts[2].text == "The ad does not say when it was published.")
    }

    @Test func apportioningKeepsTheTotalAndTheCaps() {
        #expect(
            ScoreExplanation.apportion([42.42, 12.12, 6.06, 21.21, 18.18], total: 100, caps: nil) == [
                43, 12, 6, 21, 18,
            ])
        #expect(ScoreExplanation.apportion([23.6, 10.4], total: 35, caps: [23, 12]) == [23, 12])
        #expect(ScoreExplanation.apportion([9.9, 0.2], total: 9, caps: [10, 10]) == [9, 0])
    }
}
