import Foundation
import JobsAI
import Testing

/// The offline writer over three candidates, their best corpus jobs in both languages plus a role one of
/// them ruled out, every style and a mix, and every letter language: the linter finds nothing.
@Suite struct LetterCorpusTests {
    static let candidates: [(name: String, answers: Answers)] = [
        ("web", LetterFixtures.web), ("embedded", LetterFixtures.embedded), ("backend", LetterFixtures.backend),
    ]
    static let styles: [[LetterStyle]] = LetterStyle.allCases.map { [$0] } + [[.friendly, .confident]]

    @Test func offlineLettersBreakNoRule() async throws {
        var letters = 0
        var problems: [String] = []
        var finnish = 0
        for candidate in Self.candidates {
            let profile = Profile(answers: candidate.answers)
            let jobs = LetterFixtures.jobs(for: candidate.answers)
            #expect(jobs.count == 6)
            for scored in jobs {
                for styles in Self.styles {
                    for language in LetterLanguageChoice.allCases {
                        for signed in [true, false] {
                            let plan = LetterPlan(
                                scored: scored, profile: profile, styles: styles, language: language, signed: signed)
                            let letter = try await OfflineWriter().write(plan)
                            letters += 1
                            if letter.language == .finnish { finnish += 1 }
                            #expect(letter.language == plan.language)
                            for violation in LetterLinter(plan: plan).check(letter) {
                                problems.append(
                                    "\(candidate.name) | \(scored.listing.title) | \(styles) | \(language): \(violation)"
                                )
                            }
                        }
                    }
                }
            }
        }
        #expect(letters == 3 * 6 * 5 * 3 * 2)
        #expect(finnish > letters / 3)
        #expect(problems == [])
    }

    @Test func autoAnswersEachAdInItsLanguage() async throws {
        let profile = Profile(answers: LetterFixtures.web)
        let jobs = LetterFixtures.jobs(for: LetterFixtures.web)
        let languages = jobs.map {
            LetterPlan(scored: $0, profile: profile, styles: [.professional], language: .auto).language
        }
        #expect(languages == [.english, .english, .english, .finnish, .finnish, .english])
    }

    @Test func aRuledOutRoleGetsNoEnthusiasm() async throws {
        let answers = LetterFixtures.backend
        let profile = Profile(answers: answers)
        let scored = ListingScorer(profile: profile, now: Date()).score(LetterFixtures.marketing)
        let friendly = try await OfflineWriter().write(
            LetterPlan(scored: scored, profile: profile, styles: [.friendly]))
        let text = friendly.paragraphs.joined(separator: " ").lowercased()
        #expect(!text.contains("would love") && !text.contains("really glad") && !text.contains("exactly"))
        #expect(text.contains("i am writing to apply") || text.contains("please accept this letter"))
        #expect(text.contains("remote growth marketing manager position"))
        #expect(!text.contains("in remote"))
    }

    @Test func theDescriptionIsRestatedAsFacts() async throws {
        let answers = LetterFixtures.embedded
        let profile = Profile(answers: answers)
        let ad = JobListing(
            board: .jobly, title: "Embedded Software Engineer", company: "Laite Oy", location: "Tampere",
            url: "https://jobly.test/laite",
            description: "We build IoT devices.\nRequirements:\n- Embedded C and Linux\n- Git\n- Experience with Rust")
        let scored = ListingScorer(profile: profile, now: Date()).score(ad)
        let english = try await OfflineWriter().write(
            LetterPlan(scored: scored, profile: profile, styles: [.professional]))
        let text = english.paragraphs.joined(separator: " ")
        #expect(text.contains("As an embedded software developer, I have about four years of experience behind me."))
        #expect(text.contains("I have worked with embedded systems before, so I know that side of your work already."))
        #expect(text.contains("thorough testing"))
        #expect(!text.contains("relocate"))
        #expect(!text.contains("not yet worked with Embedded") && !text.contains("not yet worked with Git"))
        #expect(text.contains("I have not yet worked with Rust"))
        #expect(!text.contains("non-WSL") && !text.contains("(non"))
        let finnish = try await OfflineWriter().write(
            LetterPlan(scored: scored, profile: profile, styles: [.professional], language: .finnish))
        let suomi = finnish.paragraphs.joined(separator: " ")
        #expect(finnish.salutation == "Hyvä rekrytointitiimi,")
        #expect(suomi.contains("Laite Oy:n") && suomi.contains("Embedded Software Engineer -tehtävää Tampereella"))
        #expect(suomi.contains("Olen työskennellyt sulautettujen järjestelmien kehittäjänä noin neljä vuotta."))
        #expect(suomi.contains("Rust-kokemusta minulla ei vielä ole"))
        #expect(suomi.contains("Sulautettujen järjestelmien kehitys on minulle entuudestaan tuttu ala."))
        #expect(suomi.contains("Embedded C -kokemus") && !suomi.contains("non-WSL"))
        #expect(finnish.closing == "Ystävällisin terveisin,")
    }

    @Test func anAdWithNoCompanyOrTitleStillReadsWell() async throws {
        let profile = Profile(answers: LetterFixtures.web)
        let ad = JobListing(
            board: .jobly, title: "", company: "", location: "Remote", url: "https://jobly.test/anon",
            description: "We use Python and Django.")
        let scored = ListingScorer(profile: profile, now: Date()).score(ad)
        for style in LetterStyle.allCases {
            for language in [LetterLanguageChoice.english, .finnish] {
                let plan = LetterPlan(scored: scored, profile: profile, styles: [style], language: language)
                let letter = try await OfflineWriter().write(plan)
                let text = ([letter.salutation] + letter.paragraphs).joined(separator: " ")
                #expect(LetterLinter(plan: plan).check(letter) == [], "\(text)")
                #expect(!text.contains("  ") && !text.contains(" a open") && !text.contains("avoin-"), "\(text)")
                #expect(
                    text.contains("remote open position") || text.contains("ilmoittamaanne tehtävää etätyönä")
                        || text.contains("ilmoittamaanne tehtävään etätyönä"), "\(text)")
                #expect(!text.contains("teidän") && !text.contains("Yrityksenne"), "\(text)")
            }
        }
    }

    @Test func whatTheCompanyDoesIsRestatedToIt() async throws {
        let profile = Profile(answers: LetterFixtures.web)
        let english = JobListing(
            board: .jobly, title: "Python Developer", company: "Koodi Oy", location: "Helsinki",
            url: "https://jobly.test/koodi",
            description: "Koodi Oy builds payment systems for Nordic banks.\nRequirements:\n- Python and Django")
        let finnish = JobListing(
            board: .duunitori, title: "Python-kehittäjä", company: "Koodi Oy", location: "Tampere",
            url: "https://duunitori.test/koodi",
            description:
                "Kehitämme maksujärjestelmiä pohjoismaisille pankeille.\nOdotamme sinulta:\n- Kokemusta: Python")
        for (listing, phrase) in [
            (english, "that you build payment systems for Nordic banks."),
            (finnish, "kehitätte maksujärjestelmiä pohjoismaisille pankeille."),
        ] {
            let plan = LetterPlan(
                scored: ListingScorer(profile: profile, now: Date()).score(listing), profile: profile,
                styles: [.professional], language: .auto)
            let letter = try await OfflineWriter().write(plan)
            #expect(letter.paragraphs.joined(separator: " ").contains(phrase), "\(letter.paragraphs)")
            #expect(LetterLinter(plan: plan).check(letter) == [])
        }
    }
}
