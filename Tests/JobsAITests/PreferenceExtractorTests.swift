import JobsAI
import Testing

/// Pins what the rules read from a person's own words, sentence by sentence, in English and Finnish.
@Suite struct PreferenceExtractorTests {
    /// One sentence and what must be read from it.
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        var wanted: [RoleFamily] = []
        var excluded: [RoleFamily] = []
        var cities: [String] = []
        var excludedCities: [String] = []
        var remote: RemoteWish = .unspecified
        var relocation: RelocationWish = .unspecified
        var levels: [JobLevel] = []

        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // English: families wanted and ruled out.
        Case(text: "I want backend roles.", wanted: [.backend]),
        Case(text: "Not interested in sales or marketing.", excluded: [.sales, .marketing]),
        Case(
            text: "I'm a backend developer, not interested in sales or marketing.", wanted: [.backend],
            excluded: [.sales, .marketing]),
        Case(
            text: "No consulting, I want product work in embedded systems.", wanted: [.embedded],
            excluded: [.consulting]),
        Case(text: "I don't want to do sales, marketing or consulting.", excluded: [.sales, .marketing, .consulting]),
        Case(text: "Looking for a full-stack or frontend position.", wanted: [.fullStack, .frontend]),
        Case(text: "I'd like to move into DevOps and cloud engineering.", wanted: [.devops]),
        Case(text: "My dream is a machine learning or data engineering job.", wanted: [.data]),
        Case(text: "I am interested in security and penetration testing.", wanted: [.security]),
        Case(text: "I enjoy mobile development for iOS developer teams.", wanted: [.mobile]),
        Case(text: "I use Linux every day.", wanted: []),
        Case(text: "I worked in sales for two years before switching careers.", wanted: []),
        Case(text: "Not QA, but I'd love firmware work.", wanted: [.embedded], excluded: [.qa]),
        Case(text: "Avoid helpdesk and IT support roles please.", excluded: [.support]),
        // English: places, remote work, moving.
        Case(
            text: "Helsinki or remote, I don't want to relocate.", cities: ["Helsinki"], remote: .wanted,
            relocation: .refused),
        Case(text: "I won't relocate from Tampere.", cities: ["Tampere"], relocation: .refused),
        Case(text: "Open to relocation anywhere in Finland.", relocation: .willing),
        Case(text: "Hybrid work in Espoo would be ideal.", cities: ["Espoo"], remote: .hybrid),
        Case(text: "No remote work for me, I like the office.", remote: .refused),
        Case(text: "Please not Oulu.", excludedCities: ["Oulu"]),
        // English: levels.
        Case(text: "I'm looking for a senior or lead role.", levels: [.expert]),
        Case(text: "As a fresh graduate I want a junior job.", levels: [.entry]),
        Case(text: "I want a summer internship.", levels: [.intern]),
        // Finnish.
        Case(text: "Ei myyntiä.", excluded: [.sales]),
        Case(text: "Ei myyntiä eikä konsultointia.", excluded: [.sales, .consulting]),
        Case(text: "En halua myynti- tai markkinointitehtäviin.", excluded: [.sales, .marketing]),
        Case(
            text: "Haluan töitä Tampereella tai etänä, en halua muuttaa.", cities: ["Tampere"], remote: .wanted,
            relocation: .refused),
        Case(text: "Etsin backend-kehittäjän paikkaa Helsingissä.", wanted: [.backend], cities: ["Helsinki"]),
        Case(text: "Olen sulautettujen järjestelmien ohjelmistokehittäjä.", wanted: [.embedded]),
        Case(text: "Kiinnostaa tietoturva ja pilvipalvelut.", wanted: [.security, .devops]),
        Case(text: "Asun Oulussa enkä voi muuttaa.", cities: ["Oulu"], relocation: .refused),
        Case(
            text: "Olen valmis muuttamaan Jyväskylään tai Turkuun.", cities: ["Jyväskylä", "Turku"],
            relocation: .willing),
        Case(text: "Haen harjoittelupaikkaa tai kesätyötä.", levels: [.intern]),
        Case(text: "Olen kokenut ohjelmistokehittäjä ja haluan senior-tehtäviin.", levels: [.expert]),
        Case(
            text: "Etsin nuorempi kehittäjä -tyyppistä roolia Espoossa tai Vantaalla.", cities: ["Espoo", "Vantaa"],
            levels: [.entry]),
        Case(text: "Mobiilikehitys ja käytettävyys kiinnostavat.", wanted: [.mobile, .design]),
        Case(text: "En ole kiinnostunut testauksesta enkä asiakastuesta.", excluded: [.qa, .support]),
        Case(text: "Hybridityö Turussa sopii hyvin.", cities: ["Turku"], remote: .hybrid),
    ]

    @Test(arguments: cases) func readsOneSentence(_ sample: Case) {
        let read = PreferenceExtractor.standard.extract(sample.text)
        #expect(read.wantedFamilies == sample.wanted)
        #expect(read.excludedFamilies == sample.excluded)
        #expect(read.cities == sample.cities)
        #expect(read.excludedCities == sample.excludedCities)
        #expect(read.remote == sample.remote)
        #expect(read.relocation == sample.relocation)
        #expect(read.levels == sample.levels)
    }

    @Test func atLeastThirtySentencesInBothLanguagesArePinned() {
        #expect(Self.cases.count >= 30)
        let finnish = Self.cases.filter { $0.text.contains { "äöÄÖ".contains($0) } }
        #expect(finnish.count >= 10)
    }

    @Test func skillsInProseGetAWeightFromTheirWording() {
        let read = PreferenceExtractor.standard.extract(
            "I build firmware with Yocto and CAN bus daily. I used Python only for small test scripts. "
                + "I have 5 years of Kubernetes. I don't want to touch PHP.")
        let byName = Dictionary(read.proseSkills.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["Yocto"]?.level == 6)
        #expect(byName["CAN bus"]?.minor == false)
        #expect(byName["Python"]?.minor == true)
        #expect(byName["Python"]?.level == 1)
        #expect(byName["Kubernetes"]?.level == 7)
        #expect(byName["PHP"] == nil)
    }

    @Test func finnishProseSkillsAndMinorOnes() {
        let read = PreferenceExtractor.standard.extract(
            "Teen laiteläheistä C-ohjelmointia, Yoctoa ja CAN-väylää päivittäin. Pythonia käytän vain pieniin testiskripteihin."
        )
        #expect(read.proseSkills.contains { $0.name == "Yocto" && !$0.minor })
        #expect(read.proseSkills.contains { $0.name == "CAN bus" && !$0.minor })
        #expect(read.proseSkills.contains { $0.name == "Python" && $0.minor })
    }

    @Test func theSummaryNamesWhatWasUnderstood() {
        let read = PreferenceExtractor.standard.extract(
            "I want backend roles in Helsinki or remote, I won't relocate. Not interested in sales.")
        #expect(read.summary.contains("backend roles"))
        #expect(read.summary.contains("Helsinki or remote"))
        #expect(read.summary.contains("no relocation"))
        #expect(read.summary.contains("no sales"))
        #expect(PreferenceExtractor.standard.extract("I like clean code.").isEmpty)
    }
}
