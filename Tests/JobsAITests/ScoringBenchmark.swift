import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

/// Measures scoring throughput for bench/jobsai_scoring.py; runs only when JOBSAI_BENCH_OUT names a file.
/// The baseline is the original's algorithm (lower-case substring search of every skill key in the ad,
/// divided by the profile's size), measured on the same listings in the same run.
@Suite struct ScoringBenchmark {
    static let output = ProcessInfo.processInfo.environment["JOBSAI_BENCH_OUT"]

    /// Deterministic listings that read like real ads (about 700 characters each).
    static func listings(count: Int) -> [JobListing] {
        let titles = [
            "Senior Python Developer", "Junior Frontend Developer", "Ohjelmistokehittäjä", "DevOps Engineer",
            "Data Engineer", "Full Stack Developer", "Harjoittelija, ohjelmistokehitys", "Backend Developer (Go)",
        ]
        let sentences = [
            "We are looking for a developer with experience in Python, Django and PostgreSQL.",
            "Our stack: React, TypeScript, Node.js and AWS; we deploy with Docker and Kubernetes.",
            "Etsimme kehittäjää, jolla on kokemusta Javasta ja Spring Bootista sekä SQL:stä.",
            "You will work closely with product owners in an agile team of eight people.",
            "Experience with CI/CD, Terraform and monitoring (Prometheus, Grafana) is a plus.",
            "At least 3 years of experience in backend development is required.",
            "Hyvä suomen ja englannin kielen taito sekä halu oppia uutta.",
            "We offer flexible hours, a hybrid model and a yearly training budget.",
            "Knowledge of C# and .NET, or Go, is considered an advantage.",
            "Tehtävä sopii myös vastavalmistuneelle, jolla on intoa kehittyä.",
        ]
        return (0..<count).map { index in
            let description = (0..<8).map { sentences[(index * 7 + $0 * 3) % sentences.count] }.joined(separator: " ")
            return JobListing(
                board: index % 2 == 0 ? .duunitori : .jobly, title: titles[index % titles.count],
                company: "Company \(index % 97)", location: ["Helsinki", "Oulu", "Etätyö", "Tampere"][index % 4],
                url: "https://example.test/\(index)",
                published: Date(timeIntervalSince1970: 1_764_000_000 - Double(index % 40) * 86_400),
                description: description)
        }
    }

    static let profile = Profile(
        skills: [
            ProfileSkill(name: "JavaScript", key: "javascript", set: .languages, level: 7),
            ProfileSkill(name: "HTML/CSS", key: "html-css", set: .languages, level: 7),
            ProfileSkill(name: "SQL", key: "sql", set: .languages, level: 7),
            ProfileSkill(name: "Python", key: "python", set: .languages, level: 7),
            ProfileSkill(name: "Go", key: "go", set: .languages, level: 3),
            ProfileSkill(name: "React", key: "react", set: .webFrameworks, level: 5),
            ProfileSkill(name: "Docker", key: "docker", set: .cloudDevelopment, level: 4),
            ProfileSkill(name: "PostgreSQL", key: "postgresql", set: .databases, level: 5),
        ], jobLevels: [.intermediate], description: "")

    /// The same skills with preferences stated: role families, a city, remote work, no move, no sales.
    static let profileWithPreferences = Profile(
        skills: profile.skills, jobLevels: [.intermediate],
        description: "I want backend or full-stack roles in Helsinki or remote; I won't relocate. "
            + "No sales or marketing.")

    /// The original scorer: substring search of each lower-cased key, score = matches / profile size.
    static func baselineScore(_ listings: [JobListing], keys: [String]) -> Int {
        var total = 0
        for listing in listings {
            let text = (listing.title + " None " + listing.description).lowercased()
            let matched = keys.filter { text.contains($0) }.count
            total += matched * 100 / max(1, keys.count)
        }
        return total
    }

    static func rate(_ count: Int, repeats: Int = 5, _ work: () -> Void) -> Double {
        var rates: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(Double(count) / seconds)
        }
        return rates.sorted()[rates.count / 2]
    }

    @Test(.enabled(if: output != nil)) func measureThroughput() throws {
        let count = ProcessInfo.processInfo.environment["JOBSAI_BENCH_LISTINGS"].flatMap(Int.init) ?? 100_000
        let listings = Self.listings(count: count)
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        let profileStart = DispatchTime.now().uptimeNanoseconds
        let scorer = ListingScorer(profile: Self.profile, now: now)
        let setupMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - profileStart) / 1e6
        var checksum = 0
        let scored = Self.rate(listings.count) { checksum &+= listings.reduce(0) { $0 + scorer.score($1).score } }
        let preferring = ListingScorer(profile: Self.profileWithPreferences, now: now)
        let withPreferences = Self.rate(listings.count) {
            checksum &+= listings.reduce(0) { $0 + preferring.score($1).score }
        }
        let keys = ["javascript", "html-css", "sql", "python", "go", "react", "docker", "postgresql"]
        let baseline = Self.rate(listings.count) { checksum &+= Self.baselineScore(listings, keys: keys) }
        let averageLength = listings.reduce(0) { $0 + $1.description.utf8.count + $1.title.utf8.count } / listings.count
        let result: [String: Double] = [
            "listings": Double(listings.count), "average_bytes": Double(averageLength),
            "scorer_per_second": scored, "scorer_with_preferences_per_second": withPreferences,
            "baseline_per_second": baseline, "profile_setup_ms": setupMilliseconds,
            "checksum": Double(checksum % 1_000_000),
        ]
        let path = try #require(Self.output)
        try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }
}
