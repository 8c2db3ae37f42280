import FixtureBoards
import Foundation
import JobsAI
import Testing

/// Lints the offline writer's letters over the fixture corpus for bench/jobsai_letters.py; runs only when
/// JOBSAI_LETTERS_BENCH_OUT names a file. Beside them, the same letters with the gap the previous writer
/// chose (the scorer's first missing skill, with no synonyms, umbrella terms, description or "required"
/// check) show what the candidate-aware gap choice removes.
@Suite struct LetterBenchmark {
    static let output = ProcessInfo.processInfo.environment["JOBSAI_LETTERS_BENCH_OUT"]

    @Test(.enabled(if: output != nil)) func lintTheCorpusLetters() async throws {
        let corpus = FixtureCorpus(size: 600, today: LetterFixtures.corpus.today)
        let candidates = [LetterFixtures.web, LetterFixtures.embedded, LetterFixtures.backend]
        let styles: [[LetterStyle]] = LetterStyle.allCases.map { [$0] } + [[.professional, .funny]]
        var counts: [String: Int] = Dictionary(
            uniqueKeysWithValues: LetterViolation.Rule.allCases.map { ($0.rawValue, 0) })
        var letters = 0
        var finnish = 0
        var oldGaps = 0
        var oldInventedGaps = 0
        var writeNanos: UInt64 = 0
        var lintNanos: UInt64 = 0
        for answers in candidates {
            let profile = Profile(answers: answers)
            let ranked = ListingScorer(profile: profile, now: corpus.today).rank(
                corpus.listings.map(LetterFixtures.listing))
            for scored in ranked.prefix(10) {
                for style in styles {
                    for language in LetterLanguageChoice.allCases {
                        let plan = LetterPlan(scored: scored, profile: profile, styles: style, language: language)
                        let started = DispatchTime.now().uptimeNanoseconds
                        let letter = try await OfflineWriter().write(plan)
                        let written = DispatchTime.now().uptimeNanoseconds
                        let linter = LetterLinter(plan: plan)
                        let violations = linter.check(letter)
                        lintNanos += DispatchTime.now().uptimeNanoseconds - written
                        writeNanos += written - started
                        letters += 1
                        if letter.language == .finnish { finnish += 1 }
                        for violation in violations { counts[violation.rule.rawValue, default: 0] += 1 }
                        // The previous writer's gap: the first missing skill the scorer reported.
                        if language == .english, let missing = plan.missingSkills.first {
                            oldGaps += 1
                            let gap =
                                "I have not yet worked with \(missing), and I would make learning it an early priority."
                            let old = Letter(
                                company: letter.company, title: letter.title, salutation: letter.salutation,
                                paragraphs: letter.paragraphs + [gap], closing: letter.closing, writer: "previous")
                            if linter.check(old).contains(where: { $0.rule == .inventedGap }) { oldInventedGaps += 1 }
                        }
                    }
                }
            }
        }
        let result: [String: Any] = [
            "letters": letters, "finnish": finnish, "violations": counts,
            "old_gaps": oldGaps, "old_invented_gaps": oldInventedGaps,
            "write_us": Double(writeNanos) / 1000 / Double(letters),
            "lint_us": Double(lintNanos) / 1000 / Double(letters),
        ]
        let path = try #require(Self.output)
        try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }
}
