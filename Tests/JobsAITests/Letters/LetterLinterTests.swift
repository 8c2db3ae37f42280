import Foundation
import JobsAI
import Testing

@Suite struct LetterLinterTests {
    static let ad = JobListing(
        board: .duunitori, title: "Senior Python Developer", company: "Koodi Oy", location: "Helsinki",
        url: "https://duunitori.test/1",
        description: """
            Koodi Oy builds payment systems for Nordic banks.
            As a Senior Python Developer you will design the APIs behind our payment platform and keep them fast.
            Requirements:
            - Solid experience with Python and SQL
            - Git and code review
            - Embedded Linux experience
            - Kafka
            """)

    static func plan(_ listing: JobListing = ad, signed: Bool = true, answers: Answers = LetterFixtures.embedded)
        -> LetterPlan
    {
        let profile = Profile(answers: answers)
        let scored = ListingScorer(profile: profile, now: Date(timeIntervalSince1970: 1_764_158_400)).score(listing)
        return LetterPlan(scored: scored, profile: profile, styles: [.professional], signed: signed)
    }

    static let opening = "I am writing to apply for the Senior Python Developer position at Koodi Oy in Helsinki."

    static func letter(_ body: [String], closing: String = "Kind regards,", company: String = "Koodi Oy") -> Letter {
        Letter(
            company: company, title: "Senior Python Developer", salutation: "Dear \(company) hiring team,",
            paragraphs: [opening] + body + ["Thank you for your time."], closing: closing, writer: "test")
    }

    func rules(_ letter: Letter, _ plan: LetterPlan = plan()) -> [LetterViolation.Rule] {
        LetterLinter(plan: plan).check(letter).map(\.rule)
    }

    @Test func aTruthfulLetterPasses() {
        let good = Self.letter([
            "I have more than three years of C and almost three years of Linux, and over a year of Python.",
            "I have not yet worked with Kafka, and I would make learning it an early priority.",
            "Your ad describes the work like this: \"As a Senior Python Developer you will design the APIs behind our payment platform and keep them fast.\"",
        ])
        #expect(LetterLinter(plan: Self.plan()).check(good) == [])
    }

    @Test func aTypicalModelLetterPasses() {
        let listing = JobListing(
            board: .jobly, title: "Python Developer", company: "Koodi Oy", location: "Helsinki",
            url: "https://jobly.test/1",
            description: "Requirements:\nSolid experience with Python and Django\nKubernetes is a plus")
        let letter = Letter(
            company: "Koodi Oy", title: "Python Developer", salutation: "Dear Koodi Oy hiring team,",
            paragraphs: [
                "I am excited to apply for the Python Developer position at Koodi Oy. With more than three years of "
                    + "Python and over two years of Django, I build reliable web services and enjoy mentoring colleagues.",
                "In your ad you ask for solid experience with Python and Django. In my recent work I have used both "
                    + "daily, together with PostgreSQL and Docker, and I care about clean, readable code.",
                "While I have not yet worked with Kubernetes, I am keen to learn it quickly.",
                "I would welcome the chance to discuss how I could contribute to your team. Thank you for your consideration.",
            ], closing: "Kind regards,", writer: "model")
        #expect(LetterLinter(plan: Self.plan(listing, answers: LetterFixtures.web)).check(letter) == [])

        let profile = Profile(answers: LetterFixtures.web)
        let finnishPlan = LetterPlan(
            scored: ListingScorer(profile: profile, now: Date()).score(listing), profile: profile,
            styles: [.professional], language: .finnish)
        let finnish = Letter(
            company: "Koodi Oy", title: "Python Developer", salutation: "Hei Koodi Oy:n rekrytointitiimi,",
            paragraphs: [
                "Haen Python Developer -tehtävää Koodi Oy:ssä.",
                "Minulla on yli kolmen vuoden kokemus Pythonista ja yli kahden vuoden kokemus Djangosta.",
                "Olen rakentanut luotettavia verkkopalveluita ja mentoroinut kollegoita.",
                "Kubernetes olisi minulle uusi asia, mutta opettelen sen nopeasti.",
                "Kiitos ajastanne, kerron mielelläni lisää haastattelussa.",
            ], closing: "Ystävällisin terveisin,", writer: "model", language: .finnish)
        #expect(LetterLinter(plan: finnishPlan).check(finnish) == [])
        // The same letter with five years of Django, which the slider (over two years) does not allow.
        let inflated = Letter(
            company: "Koodi Oy", title: "Python Developer", salutation: finnish.salutation,
            paragraphs: ["Minulla on viiden vuoden kokemus Djangosta."], closing: finnish.closing, writer: "model",
            language: .finnish)
        #expect(LetterLinter(plan: finnishPlan).check(inflated).map(\.rule) == [.yearsBeyond])
    }

    @Test func placeholders() {
        #expect(rules(Self.letter(["I am [Your Name] and I know Python."])) == [.placeholder])
        #expect(rules(Self.letter(["My skills fit {{skills}}."])) == [.placeholder])
    }

    @Test func gapsTheCandidateDoesNotHave() {
        // SQL through... nothing: the embedded candidate has no database; Git through GitLab; embedded through
        // the description and the typed-in "Embedded C".
        #expect(rules(Self.letter(["I have not yet worked with Git, but I learn fast."])) == [.inventedGap])
        #expect(rules(Self.letter(["Embedded systems would be new to me."])) == [.inventedGap])
        let postgres = Self.plan(answers: LetterFixtures.backend)
        #expect(rules(Self.letter(["I have not yet worked with SQL."]), postgres) == [.inventedGap])
        // A gap the ad never asks for.
        #expect(rules(Self.letter(["I have not yet worked with Kotlin."])) == [.inventedGap])
    }

    @Test func moreThanOneGap() {
        let twice = Self.letter(["I have not yet worked with Kafka.", "Kafka would be new to me, too."])
        #expect(rules(twice) == [.repeatedGap])
    }

    @Test func skillsTheCandidateNeverGave() {
        #expect(rules(Self.letter(["I have over two years of Kubernetes."])) == [.claimedSkill])
        #expect(rules(Self.letter(["My background includes Kubernetes."])) == [.claimedSkill])
        #expect(rules(Self.letter(["Minulla on vahva Kubernetes-osaaminen."])).contains(.claimedSkill))
        // Naming a skill in a sentence about the ad, or wanting to learn it, is no claim.
        #expect(rules(Self.letter(["Your team also runs Kubernetes in production."])) == [])
        #expect(rules(Self.letter(["I would be keen to learn Kubernetes with your team."])) == [])
    }

    @Test func yearsBeyondTheSlider() {
        // Python is slider 3 (less than one and a half years); C is the top band, four years in the description.
        #expect(rules(Self.letter(["I have three years of Python."])) == [.yearsBeyond])
        #expect(rules(Self.letter(["I have about four years of C."])) == [])
        #expect(rules(Self.letter(["I have six years of C."])) == [.yearsBeyond])
        #expect(rules(Self.letter(["In total I have ten years of experience."])) == [.yearsBeyond])
    }

    @Test func fragmentQuotes() {
        let fragment = Self.letter(["Your ad mentions \"As a Senior Python Developer you will\", and I agree."])
        #expect(rules(fragment) == [.fragmentQuote])
    }

    @Test func pastedDescriptionAndAd() {
        let description = Self.letter([
            "A few words about me: I'm an embedded software developer with about four years of experience."
        ])
        #expect(rules(description) == [.pastedDescription])
        let ad = Self.letter(["I will design the APIs behind our payment platform and keep them fast every day."])
        #expect(rules(ad) == [.pastedAd])
    }

    @Test func companyNamedMoreThanTwice() {
        #expect(rules(Self.letter(["Koodi is where I want to grow."])) == [.companyRepeated])
    }

    @Test func questionnaireLabelsAndCaptions() {
        #expect(rules(Self.letter(["I use Linux (non-WSL) every day."])) == [.questionnaireLabel])
        #expect(rules(Self.letter(["I have C (> 3.0 years)."])) == [.questionnaireLabel])
    }

    @Test func sentencesInTheOtherLanguage() {
        #expect(
            rules(Self.letter(["Minulla on kokemusta ja osaamista sulautetuista järjestelmistä."])) == [.wrongLanguage])
        let quote = Self.letter(["Your ad says: \"Kokemusta: Python ja hyvä tiimityö.\""])
        #expect(rules(quote) == [.wrongLanguage])
        let finnish = LetterPlan(
            scored: ListingScorer(profile: Profile(answers: LetterFixtures.embedded), now: Date()).score(Self.ad),
            profile: Profile(answers: LetterFixtures.embedded), styles: [.professional], language: .finnish)
        let mixed = Letter(
            company: "Koodi Oy", title: "Senior Python Developer", salutation: "Hyvä rekrytointitiimi,",
            paragraphs: ["Haen Koodi Oy:n tehtävää.", "I am a team player and I love my work."],
            closing: "Ystävällisin terveisin,", writer: "test", language: .finnish)
        #expect(rules(mixed, finnish) == [.wrongLanguage])
    }

    @Test func aSignOffWithNoName() {
        #expect(rules(Self.letter([]), Self.plan(signed: false)) == [.danglingSignOff])
        #expect(rules(Self.letter([], closing: ""), Self.plan(signed: false)) == [])
    }

    @Test func enthusiasmForAnExcludedRole() {
        let plan = Self.plan(LetterFixtures.marketing, answers: LetterFixtures.backend)
        let letter = Letter(
            company: "Kasvu Oy", title: "Growth Marketing Manager", salutation: "Dear Kasvu Oy hiring team,",
            paragraphs: [
                "I am applying for the Growth Marketing Manager role.",
                "This is exactly the kind of work I want to do.",
            ],
            closing: "Kind regards,", writer: "test")
        #expect(rules(letter, plan) == [.excludedEnthusiasm])
        // The same words for a role the candidate did not rule out are fine.
        #expect(rules(Self.letter(["This is exactly the kind of work I want to do."])) == [])
    }
}

@Suite struct LetterCodingTests {
    @Test func aLetterStoredBeforeLanguagesReadsAsEnglish() throws {
        let old =
            #"{"company":"Koodi Oy","title":"Dev","salutation":"Hi,","paragraphs":["a"],"closing":"","writer":"offline"}"#
        let letter = try JSONDecoder().decode(Letter.self, from: Data(old.utf8))
        #expect(letter.language == .english && letter.paragraphs == ["a"])
        let finnish = Letter(
            company: "K", title: "T", salutation: "Hei,", paragraphs: ["b"], closing: "", writer: "offline",
            language: .finnish)
        #expect(try JSONDecoder().decode(Letter.self, from: JSONEncoder().encode(finnish)) == finnish)
    }

    @Test func aPlanEncodedBeforeLanguagesReadsAsEnglishAndSigned() throws {
        let plan = LetterLinterTests.plan(signed: false)
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(LetterPlan.self, from: data) == plan)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["language"] = nil
        object["signed"] = nil
        let old = try JSONDecoder().decode(LetterPlan.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.language == .english && old.signed && old.listing == plan.listing)
    }
}
