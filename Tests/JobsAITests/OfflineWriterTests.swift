import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@Suite struct OfflineWriterTests {
    static let profile = Profile(
        skills: [
            ProfileSkill(name: "Python", key: "python", set: .languages, level: 7),
            ProfileSkill(name: "PostgreSQL", key: "postgresql", set: .databases, level: 4),
            ProfileSkill(name: "React", key: "react", set: .webFrameworks, level: 5),
        ],
        jobLevels: [.intermediate],
        description:
            "I love building reliable data pipelines. I enjoy mentoring people and playing chess. Teamwork matters to me."
    )

    static let backend = JobListing(
        board: .duunitori, title: "Backend Developer", company: "Koodi Oy", location: "Helsinki",
        url: "https://duunitori.fi/tyopaikat/tyo/backend",
        description: "Requirements:\nPython and PostgreSQL for our data pipelines\nKafka\n3 years of experience.")
    static let frontend = JobListing(
        board: .jobly, title: "Frontend Engineer", company: "Pixel Ab", location: "Espoo",
        url: "https://www.jobly.fi/en/job/frontend",
        description: "We build React apps with TypeScript. Mentoring juniors is part of the job.")

    func plan(_ listing: JobListing, _ styles: [LetterStyle]) -> LetterPlan {
        let scored = ListingScorer(profile: Self.profile, now: Date(timeIntervalSince1970: 1_740_000_000)).score(
            listing)
        return LetterPlan(scored: scored, profile: Self.profile, styles: styles)
    }

    func text(_ letter: Letter) -> String {
        ([letter.salutation] + letter.paragraphs + [letter.closing]).joined(separator: "\n")
    }

    @Test func lettersAreSpecificToEachJob() async throws {
        let writer = OfflineWriter()
        let first = try await writer.write(plan(Self.backend, [.professional]))
        let second = try await writer.write(plan(Self.frontend, [.professional]))
        #expect(first != second)
        #expect(text(first).contains("Koodi Oy") && text(first).contains("Backend Developer"))
        #expect(text(second).contains("Pixel Ab") && text(second).contains("Frontend Engineer"))
        #expect(!text(first).contains("Pixel Ab") && !text(second).contains("Koodi Oy"))
        // Matched skills with the years their sliders allow; the ad's one required gap.
        #expect(text(first).contains("more than three years of Python"))
        #expect(text(first).contains("I have not yet worked with Kafka"))
        // The description restated as facts, never pasted.
        #expect(!text(first).contains("I love building reliable data pipelines."))
        #expect(text(first).contains("mentoring colleagues"))
        #expect(text(second).contains("React"))
        #expect(!text(second).contains("TypeScript"))  // not required, so no gap named
        #expect(first.writer == "offline")
        #expect(LetterLinter(plan: plan(Self.backend, [.professional])).check(first) == [])
        #expect(LetterLinter(plan: plan(Self.frontend, [.professional])).check(second) == [])
    }

    @Test func eachStyleReadsDifferentlyAndTwoStylesMix() async throws {
        let writer = OfflineWriter()
        var letters: [LetterStyle: Letter] = [:]
        for style in LetterStyle.allCases { letters[style] = try await writer.write(plan(Self.backend, [style])) }
        #expect(Set(letters.values.map(\.salutation)).count == 4)
        #expect(Set(letters.values.map(\.closing)).count == 4)
        #expect(Set(letters.values.compactMap(\.paragraphs.first)).count == 4)
        #expect(Set(letters.values.compactMap(\.paragraphs.last)).count == 4)
        let mixed = try await writer.write(plan(Self.backend, [.funny, .professional]))
        let funny = try #require(letters[.funny])
        let professional = try #require(letters[.professional])
        #expect(mixed.salutation == funny.salutation)
        #expect(mixed.paragraphs.first == funny.paragraphs.first)
        #expect(mixed.paragraphs.last == professional.paragraphs.last)
        #expect(mixed.closing == professional.closing)
    }

    @Test func requirementLinesNameSkillsAsWords() {
        let ad = JobListing(
            board: .jobly, title: "Embedded Developer", company: "Laite Oy", url: "https://www.jobly.fi/en/job/laite",
            description: "Nice office with good coffee.\nExperience with C and embedded Linux.\nWe go hiking together.")
        let plan = plan(ad, [.professional])
        #expect(plan.missingSkills.contains("C"))
        #expect(plan.requirements == ["Experience with C and embedded Linux."])
    }

    @Test func isDeterministic() async throws {
        let writer = OfflineWriter()
        let once = try await writer.write(plan(Self.frontend, [.friendly, .confident]))
        let again = try await writer.write(plan(Self.frontend, [.friendly, .confident]))
        #expect(once == again)
    }

    @Test func planCarriesNoContactDetails() throws {
        let answers = try Answers.decode(
            from: Data(
                """
                {"general":[{"job-level":["Entry"]},{"job-boards":["Jobly"]},{"deep-mode":"No"},\
                {"cover-letter-num":1},{"cover-letter-style":["Friendly"]}],"languages":[{"python":5}],\
                "additional-info":[{"additional-info":"I like tea."}],\
                "about-you":[{"name":"Aino Virtanen"},{"email":"aino@example.com"},{"phone":"+358 40 123"}]}
                """.utf8))
        let profile = Profile(answers: answers)
        let plan = LetterPlan(
            scored: ListingScorer(profile: profile, now: Date()).score(Self.backend), profile: profile,
            styles: answers.letterStyles)
        let encoded = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        #expect(!encoded.contains("Aino") && !encoded.contains("aino@example.com") && !encoded.contains("+358"))
    }
}
