import Foundation
import JobsAI
import Testing

/// Role-family fit, excluded families, location, nice-to-have skills, prose skills and whole-word matching.
@Suite struct PreferenceScoringTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static func skill(_ name: String, _ key: String, _ set: QuestionSetID, _ level: Int) -> ProfileSkill {
        ProfileSkill(name: name, key: key, set: set, level: level)
    }

    static let backend = Profile(
        skills: [
            skill("Python", "python", .languages, 7), skill("Go", "go", .languages, 6),
            skill("PostgreSQL", "postgresql", .databases, 6),
        ],
        jobLevels: [.expert],
        description:
            "I want backend roles in Helsinki or remote, I won't relocate. Not interested in sales or marketing.")

    static func listing(_ title: String, _ location: String = "Helsinki", _ text: String = "") -> JobListing {
        JobListing(
            board: .duunitori, title: title, company: "Oy", location: location, url: "https://x.test/\(title)",
            published: now, description: text)
    }

    func score(_ profile: Profile, _ listing: JobListing) -> ScoredListing {
        ListingScorer(profile: profile, now: Self.now).score(listing)
    }

    @Test func theWantedFamilyInTheTitleBeatsAnotherFamily() {
        let body = "Python, Go and PostgreSQL."
        let wanted = score(Self.backend, Self.listing("Senior Backend Developer", "Helsinki", body))
        let other = score(Self.backend, Self.listing("Senior Frontend Developer", "Helsinki", body))
        #expect(wanted.breakdown.roleFit == 1)
        #expect(other.breakdown.roleFit == 0)
        #expect(wanted.score > other.score)
        #expect(wanted.breakdown.explanation.contains { $0.contains("role fit 100%") })
    }

    @Test func anExcludedFamilyIsPenalisedEvenWhenTheAdNamesTheSkills() {
        let text = "Our users write Python and Go on PostgreSQL."
        let marketing = score(Self.backend, Self.listing("Growth Marketing Manager", "Helsinki", text))
        let plain = score(Self.backend, Self.listing("Software Developer", "Helsinki", "We use Python."))
        #expect(marketing.breakdown.exclusionPenalty == ScoringWeights().excludedFamily)
        #expect(marketing.score < plain.score)
    }

    @Test func anotherCityOnSiteLosesToTheWantedCityAndRemote() {
        let text = "Python, Go, PostgreSQL."
        let oulu = score(Self.backend, Self.listing("Senior Backend Developer", "Oulu", text))
        let helsinki = score(Self.backend, Self.listing("Senior Backend Developer", "Helsingissä", text))
        let remote = score(Self.backend, Self.listing("Senior Backend Developer", "Etätyö", text))
        let fullyRemote = score(Self.backend, Self.listing("Senior Backend Developer", "Oulu", text + " Fully remote."))
        #expect(oulu.breakdown.relocationPenalty > 0)
        #expect(helsinki.breakdown.locationFit == 1)
        #expect(remote.breakdown.locationFit == 1)
        #expect(fullyRemote.breakdown.relocationPenalty == 0)
        #expect(helsinki.score > oulu.score + 30)
        #expect(remote.score > oulu.score + 30)
    }

    @Test func niceToHaveSkillsCountHalf() {
        let profile = Profile(skills: [Self.skill("Python", "python", .languages, 7)], jobLevels: [], description: "")
        let required = score(profile, Self.listing("Developer", "", "Requirements: Python, Go, Kotlin, Scala."))
        let nice = score(
            profile, Self.listing("Developer", "", "Requirements: Python, Go. Nice to have: Kotlin, Scala."))
        let finnish = score(
            profile, Self.listing("Kehittäjä", "", "Vaatimukset: Python, Go. Kotlin ja Scala katsotaan eduksi."))
        #expect(required.breakdown.niceToHaveCount == 0)
        #expect(nice.breakdown.niceToHaveCount == 2)
        #expect(finnish.breakdown.niceToHaveCount == 2)
        #expect(nice.breakdown.skillFit > required.breakdown.skillFit)
        #expect(nice.breakdown.explanation.contains { $0.contains("nice to have") })
    }

    @Test func skillsNamedOnlyInProseCount() {
        let profile = Profile(
            skills: [Self.skill("C", "c", .languages, 7)], jobLevels: [],
            description: "I build firmware with Yocto and CAN bus daily.")
        let scored = score(profile, Self.listing("Embedded Engineer", "", "C, Yocto, CAN bus."))
        #expect(Set(scored.breakdown.matched.map(\.name)) == ["C", "Yocto", "CAN bus"])
    }

    /// Each pair: the ad's text, the skill the person has, and whether it must match.
    @Test(arguments: [
        ("Design for Linux desktops.", "ux", false), ("UX research and Linux.", "ux", true),
        ("We work at Google.", "go", false), ("Services in Go, Python.", "go", true),
        ("Frontend in JavaScript.", "java", false), ("Backend in Java, Kotlin.", "java", true),
        ("We use C++ and C#.", "c", false), ("Firmware in C, Linux.", "c", true),
        ("We build with React.", "r", false), ("Statistics in R, Python.", "r", true),
        ("Trust and safety team.", "rust", false), ("Systems in Rust, C.", "rust", true),
        ("Data in NoSQL stores.", "sql", false), ("Reports in SQL, Excel.", "sql", true),
    ])
    func namesMatchOnlyAsWholeWords(_ text: String, _ key: String, _ matches: Bool) {
        let labels = ["ux": "UX", "go": "Go", "java": "Java", "c": "C", "r": "R", "rust": "Rust", "sql": "SQL"]
        if key == "ux" {
            let designer = Profile(skills: [], jobLevels: [], description: "I want UX design work.")
            let scored = score(designer, Self.listing("Team member", "", text))
            #expect((scored.breakdown.roleFit == PreferenceScoringTestsFit.genericWithWantedBody) == matches)
            return
        }
        let profile = Profile(
            skills: [Self.skill(labels[key] ?? key, key, .languages, 7)], jobLevels: [], description: "")
        let scored = score(profile, Self.listing("Team member", "", text))
        #expect(scored.breakdown.matched.contains { $0.name == labels[key] } == matches, "\(text)")
    }
}

/// The role fit a generic title gets when the body names a wanted family (mirrors `PreferenceFit`).
enum PreferenceScoringTestsFit {
    static let genericWithWantedBody = 0.6
}
