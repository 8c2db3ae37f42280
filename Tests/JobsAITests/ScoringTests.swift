import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@Suite struct ScoringTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    static func listing(_ title: String, _ description: String, daysOld: Double? = 2) -> JobListing {
        JobListing(
            board: .duunitori, title: title, company: "Company \(title.count)",
            url: "https://example.test/\(title.count)",
            published: daysOld.map { now.addingTimeInterval(-$0 * 86_400) }, description: description)
    }

    static func profile(_ skills: [(String, String?, Int)], levels: [JobLevel] = [.intermediate]) -> Profile {
        Profile(
            skills: skills.map { ProfileSkill(name: $0.0, key: $0.1, set: .languages, level: $0.2) }, jobLevels: levels,
            description: "")
    }

    let developer = ScoringTests.profile([
        ("Python", "python", 7), ("SQL", "sql", 7), ("JavaScript", "javascript", 6), ("React", "react", 5),
        ("Docker", "docker", 4), ("PostgreSQL", "postgresql", 5),
        ("Amazon Web Services (AWS)", "amazon-web-services-aws", 3),
    ])

    @Test func ranksTheLabelledSetInTheExpectedOrder() {
        let labelled: [(label: String, listing: JobListing)] = [
            (
                "java-architect",
                Self.listing("Senior Java Architect", "Java, Spring Boot and Kubernetes. 8+ years of experience.")
            ),
            (
                "fullstack",
                Self.listing(
                    "Full Stack Developer", "React and TypeScript frontend, Node.js backend, PostgreSQL.", daysOld: 5)
            ),
            (
                "python-old",
                Self.listing(
                    "Python Developer", "We build APIs with Python, PostgreSQL and Docker. 3 years of experience.",
                    daysOld: 90)
            ),
            ("sales", Self.listing("Sales Manager", "Go-to-market strategy with C-level stakeholders and R&D.")),
            (
                "python",
                Self.listing(
                    "Python Developer", "We build APIs with Python, PostgreSQL and Docker. 3 years of experience.",
                    daysOld: 1)
            ),
            ("intern", Self.listing("Harjoittelija, Python", "Python ja Django.")),
        ]
        let scorer = ListingScorer(profile: developer, now: Self.now)
        let ranked = scorer.rank(labelled.map(\.listing))
        let order = ranked.map { scored in labelled.first { $0.listing == scored.listing }?.label ?? "?" }
        #expect(order == ["python", "python-old", "intern", "fullstack", "sales", "java-architect"])
        let top = ranked[0].breakdown
        #expect(top.matched.map(\.name) == ["Python", "PostgreSQL", "Docker"])
        #expect(top.matched.first?.inTitle == true)
        #expect(top.detectedLevel == .intermediate)
        #expect(top.levelEvidence == .requiredYears(3))
        #expect(ranked.last?.breakdown.detectedLevel == .expert)
        #expect(ranked.last?.breakdown.missing == ["Java", "Spring Boot", "Kubernetes"])
        #expect(ranked.allSatisfy { (0...100).contains($0.score) && !$0.breakdown.explanation.isEmpty })
    }

    @Test func finnishAdsMatchInflectedForms() {
        let scorer = ListingScorer(profile: developer, now: Self.now)
        let scored = scorer.score(
            Self.listing(
                "Ohjelmistokehittäjä",
                "Etsimme kehittäjää, jolla on kokemusta Pythonista ja SQL:stä. Käytämme AWS:ää ja Reactia."))
        #expect(scored.breakdown.matched.map(\.name) == ["Python", "SQL", "Amazon Web Services (AWS)", "React"])
        #expect(scored.breakdown.missing.isEmpty)
    }

    @Test func shortNamesNeedWordBoundariesAndContext() {
        let scorer = ListingScorer(
            profile: Self.profile([("C", "c", 7), ("R", "r", 7), ("Go", "go", 7), ("Java", "java", 7)]), now: Self.now)
        let noise = scorer.score(
            Self.listing(
                "Sales Manager",
                "We go the extra mile with C-level clients and R&D teams. Go to our site! Google Cloud, algorithms, Django, JavaScript, C++ and C#."
            ))
        #expect(noise.breakdown.matched.isEmpty)
        #expect(noise.breakdown.missing == ["Google Cloud", "Django", "JavaScript", "C++", "C#"])

        let real = scorer.score(Self.listing("Go Developer", "Go, C and R for data pipelines. Also some Java."))
        #expect(real.breakdown.matched.map(\.name) == ["Go", "C", "R", "Java"])
        #expect(real.breakdown.matched.first?.inTitle == true)
    }

    @Test func synonymsMapToCanonicalNames() {
        let scorer = ListingScorer(
            profile: Self.profile([
                ("Kubernetes", "kubernetes", 5), ("PostgreSQL", "postgresql", 5), ("C#", "csharp", 5),
                ("Node.js", "nodejs", 3), ("JavaScript", "javascript", 3), ("TypeScript", "typescript", 3),
                ("C++", "cplusplus", 6),
            ]), now: Self.now)
        let scored = scorer.score(
            Self.listing("Backend developer", "k8s, Postgres, .NET and JS/TS on Node.js; some cpp. Golang is a plus."))
        #expect(
            scored.breakdown.matched.map(\.name).sorted()
                == ["C++", "JavaScript", "Kubernetes", "Node.js", "PostgreSQL", "TypeScript", ".NET"].sorted())
        #expect(scored.breakdown.missing == ["Go"])
    }

    @Test func customTechnologiesAreFoundByTheirOwnName() {
        let profile = Profile(
            skills: [ProfileSkill(name: "Pulumi", key: nil, set: .cloudDevelopment, level: 5)], jobLevels: [.expert],
            description: "")
        let scored = ListingScorer(profile: profile, now: Self.now).score(
            Self.listing("DevOps", "Infra as code with Pulumi."))
        #expect(scored.breakdown.matched.map(\.name) == ["Pulumi"])
    }

    @Test func yearsWeightTheFitAndTheAdNormalisesIt() {
        let junior = ListingScorer(profile: Self.profile([("Python", "python", 1)]), now: Self.now)
        let senior = ListingScorer(profile: Self.profile([("Python", "python", 7)]), now: Self.now)
        let ad = Self.listing("Developer", "Python")
        #expect(senior.score(ad).score > junior.score(ad).score)
        // A broad profile does not lower the score of an ad it covers (the original divided by the profile).
        let broad = ListingScorer(
            profile: Self.profile([("Python", "python", 7)] + (1...30).map { ("Skill\($0)", nil, 5) }), now: Self.now)
        #expect(broad.score(ad).score == senior.score(ad).score)
    }

    @Test func levelAndRecencySignals() {
        let scorer = ListingScorer(
            profile: Self.profile([("Python", "python", 7)], levels: [.entry, .intern]), now: Self.now)
        let junior = scorer.score(Self.listing("Junior Python Developer", "Python"))
        let senior = scorer.score(Self.listing("Senior Python Developer", "Python"))
        let finnishSenior = scorer.score(Self.listing("Vanhempi ohjelmistokehittäjä", "Python"))
        #expect(junior.breakdown.detectedLevel == .entry)
        #expect(senior.breakdown.detectedLevel == .expert)
        #expect(finnishSenior.breakdown.detectedLevel == .expert)
        #expect(junior.score > senior.score)
        let fresh = scorer.score(Self.listing("Python Developer", "Python", daysOld: 1))
        let stale = scorer.score(Self.listing("Python Developer", "Python", daysOld: 45))
        let unknown = scorer.score(Self.listing("Python Developer", "Python", daysOld: nil))
        #expect(fresh.score > unknown.score && unknown.score > stale.score)
        #expect(stale.breakdown.ageDays == 45)
    }
}
