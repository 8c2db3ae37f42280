import FixtureBoards
import Foundation
import JobsAI

/// Candidates and jobs for the letter tests: three payloads, ads from the fixture corpus in both languages.
enum LetterFixtures {
    /// A questionnaire payload with the given sets and description.
    static func answers(_ sets: String, description: String, language: String = "English", name: Bool = true)
        -> Answers
    {
        let about = name ? #","about-you":[{"name":"Aino Virtanen"}]"# : ""
        let json = """
            {"general":[{"job-level":["Expert-level","Intermediate"]},{"job-boards":["Duunitori"]},\
            {"deep-mode":"No"},{"cover-letter-num":5},{"cover-letter-style":["Professional"]},\
            {"letter-language":"\(language)"}],\(sets),\
            "additional-info":[{"additional-info":"\(description)"}]\(about)}
            """
        // The payloads are fixed text; a decoding failure is a bug in this file.
        return try! Answers.decode(from: Data(json.utf8))
    }

    /// Python and the web; a short description.
    static let web = answers(
        #""languages":[{"python":7},{"javascript":5},{"sql":6},{"typescript":4}],"web-frameworks":[{"django":5},{"react":4}],"databases":[{"postgresql":6}],"cloud-development":[{"docker":5},{"amazon-web-services-aws":3}]"#,
        description: "I build reliable web services. I enjoy mentoring and clean code.")

    /// Embedded: C, a typed-in "Embedded C", Linux and GitLab; years and domains only in the description.
    static let embedded = answers(
        #""languages":[{"c":7},{"cplusplus":5},{"python":3},{"text-field1":"Embedded C"},{"text-field1-slider":6}],"operating-systems":[{"linux-non-wsl":6}],"doc-and-collab":[{"gitlab":4}]"#,
        description:
            "I'm an embedded software developer with about four years of experience. I have worked on IoT devices and industrial automation. I enjoy thorough testing. I don't want to relocate."
    )

    /// JVM backend with PostgreSQL; rules out marketing and sales.
    static let backend = answers(
        #""languages":[{"java":7},{"kotlin":4}],"databases":[{"postgresql":7}],"web-frameworks":[{"spring-boot":5}],"cloud-development":[{"docker":5},{"kubernetes":3}],"doc-and-collab":[{"github":5}]"#,
        description:
            "I am a backend developer with over six years of experience in fintech and logistics. I value reliable systems and close teamwork. I am not interested in marketing or sales roles."
    )

    static let corpus = FixtureCorpus(size: 200, today: Date(timeIntervalSince1970: 1_764_158_400))

    static func listing(_ fixture: FixtureListing) -> JobListing {
        JobListing(
            board: .duunitori, title: fixture.title, company: fixture.company, location: fixture.city,
            url: "https://duunitori.test/\(fixture.slug)", description: fixture.paragraphs.joined(separator: "\n"))
    }

    /// A go-to-market role the backend candidate ruled out.
    static let marketing = JobListing(
        board: .jobly, title: "Growth Marketing Manager", company: "Kasvu Oy", location: "Remote",
        url: "https://jobly.test/growth",
        description:
            "We are looking for a growth marketer to own our go-to-market plans.\nRequirements:\n- SQL for campaign analytics\n- Experience with HubSpot"
    )

    /// The five best jobs of the corpus for a candidate, plus the marketing role.
    static func jobs(for answers: Answers, count: Int = 5) -> [ScoredListing] {
        let profile = Profile(answers: answers)
        let scorer = ListingScorer(profile: profile, now: corpus.today)
        let ranked = scorer.rank(corpus.listings.map(listing))
        let english = ranked.filter { TextLanguage.detect($0.listing.description) == .english }.prefix(3)
        let finnish = ranked.filter { TextLanguage.detect($0.listing.description) == .finnish }.prefix(count - 3)
        return Array(english) + Array(finnish) + [scorer.score(marketing)]
    }
}
