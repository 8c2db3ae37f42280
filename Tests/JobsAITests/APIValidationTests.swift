import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

/// Every rule of the start request's payload, accepted and rejected, with the field paths reported.
@Suite struct APIValidationTests {
    /// A valid payload as the original frontend sends it, with overridable parts.
    static func payload(
        general: String? = nil, sets: String = "", info: String = #"[{"additional-info":"I like building things."}]"#,
        extra: String = ""
    ) -> String {
        let general =
            general
            ?? #"[{"job-level":["Expert-level"]},{"job-boards":["Duunitori"]},{"deep-mode":"Yes"},"#
            + #"{"cover-letter-num":1},{"cover-letter-style":["Professional"]}]"#
        return #"{"general":\#(general),"additional-info":\#(info)\#(sets)\#(extra)}"#
    }

    /// The general set with one item replaced.
    static func general(_ key: String, _ value: String) -> String {
        var items = [
            "job-level": #"["Expert-level"]"#, "job-boards": #"["Duunitori"]"#, "deep-mode": #""Yes""#,
            "cover-letter-num": "1", "cover-letter-style": #"["Professional"]"#,
        ]
        items[key] = value
        let order = [
            "job-level", "job-boards", "deep-mode", "cover-letter-num", "cover-letter-style", "letter-language",
        ]
        return "[" + order.compactMap { key in items[key].map { #"{"\#(key)":\#($0)}"# } }.joined(separator: ",") + "]"
    }

    private func problems(_ json: String) throws -> [FieldProblem] {
        let payload = try JSONDecoder().decode(PayloadValue.self, from: Data(json.utf8))
        do {
            _ = try AnswersParser().parse(payload)
            return []
        } catch {
            return error.problems
        }
    }

    private func fields(_ json: String) throws -> [String] { try problems(json).map(\.field) }

    @Test func acceptsTheReferencePayloadAndTheWorkerCanReadIt() throws {
        let json = Self.payload(
            sets: #","languages":[{"javascript":7},{"python":7},{"text-field1":"Zig"},{"text-field1-slider":3}]"#,
            extra: #","delivery_method":"download""#)
        #expect(try problems(json).isEmpty)
        _ = try Answers.decode(from: Data(json.utf8))
    }

    @Test func bodyMustBeAnObject() throws {
        #expect(try fields("[]") == ["body"])
        #expect(try fields(#""text""#) == ["body"])
    }

    @Test func unknownTopLevelFieldsAndDuplicateSetsAreRejected() throws {
        #expect(try fields(Self.payload(extra: #","hobbies":[]"#)) == ["hobbies"])
        #expect(
            try fields(Self.payload(sets: #","cloud-development":[{"docker":1}],"cloud_development":[{"docker":2}]"#))
                == ["cloud_development"])
        #expect(try problems(Self.payload(sets: #","cloud_development":[{"docker":1}]"#)).isEmpty)
    }

    @Test func requiredSetsAreReportedMissing() throws {
        #expect(try fields("{}") == ["general", "additional-info"])
    }

    @Test func everyProblemIsListedNotOnlyTheFirst() throws {
        let general =
            #"[{"job-level":["Expert-level","Entry"]},{"job-boards":[]},{"deep-mode":"Maybe"},"#
            + #"{"cover-letter-num":11},{"cover-letter-style":["Professional","Funny","Friendly"]}]"#
        let json = Self.payload(
            general: general, sets: #","languages":[{"python":9},{"text-field1":"x"},{"text-field1-slider":-1}]"#,
            info: #"[{"additional-info":"   "}]"#)
        #expect(
            try fields(json) == [
                "general.job-level", "general.job-boards", "general.deep-mode", "general.cover-letter-num",
                "general.cover-letter-style", "languages.python", "languages.text-field1-slider", "additional-info",
            ])
    }

    @Test(arguments: [
        (#"["Expert-level"]"#, true), (#"["Expert"]"#, true), (#""Intermediate""#, true),
        (#"["Expert-level","Intermediate"]"#, true), (#"["Intermediate","Entry"]"#, true),
        (#"["Intern","Entry"]"#, true), (#"["Entry","Entry"]"#, true),
        (#"["Expert-level","Entry"]"#, false), (#"["Intermediate","Intern"]"#, false),
        (#"["Expert-level","Intern"]"#, false), (#"["Entry","Intern","Intermediate"]"#, false),
        (#"[]"#, false), (#"["Wizard"]"#, false), (#"[1]"#, false), ("null", false), ("7", false),
    ])
    func jobLevelsAreOneOrTwoAdjacentLevels(value: String, accepted: Bool) throws {
        let found = try fields(Self.payload(general: Self.general("job-level", value)))
        #expect(found == (accepted ? [] : ["general.job-level"]))
    }

    @Test(arguments: [
        (#"["Duunitori"]"#, true), (#"["Jobly","Duunitori"]"#, true), (#"["jobly"]"#, true),
        (#"[]"#, false), (#"["Indeed"]"#, false), (#"{"a":1}"#, false),
    ])
    func boardsAreKnownAndAtLeastOne(value: String, accepted: Bool) throws {
        let found = try fields(Self.payload(general: Self.general("job-boards", value)))
        #expect(found == (accepted ? [] : ["general.job-boards"]))
    }

    @Test(arguments: [
        (#""Yes""#, true), (#""No""#, true), ("true", true), (#""yes""#, false), (#""Maybe""#, false), ("1", false),
    ])
    func deepModeIsYesOrNo(value: String, accepted: Bool) throws {
        let found = try fields(Self.payload(general: Self.general("deep-mode", value)))
        #expect(found == (accepted ? [] : ["general.deep-mode"]))
    }

    @Test(arguments: [
        ("1", true), ("10", true), (#""3""#, true), ("0", false), ("11", false), ("99", false), ("2.5", false),
        (#""three""#, false), ("[3]", false),
    ])
    func letterCountIsOneToTen(value: String, accepted: Bool) throws {
        let found = try fields(Self.payload(general: Self.general("cover-letter-num", value)))
        #expect(found == (accepted ? [] : ["general.cover-letter-num"]))
    }

    @Test(arguments: [
        (#"["Professional"]"#, true), (#"["Funny","Friendly"]"#, true), (#""Confident""#, true),
        (#"[]"#, false), (#"["Professional","Funny","Friendly"]"#, false), (#"["Sarcastic"]"#, false),
    ])
    func stylesAreOneOrTwo(value: String, accepted: Bool) throws {
        let found = try fields(Self.payload(general: Self.general("cover-letter-style", value)))
        #expect(found == (accepted ? [] : ["general.cover-letter-style"]))
    }

    @Test(arguments: [
        (#""Auto""#, LetterLanguageChoice.auto), (#""English""#, .english), (#""finnish""#, .finnish),
        (#""Swedish""#, nil), (#"["Finnish"]"#, nil), ("1", nil),
    ])
    func letterLanguageIsAutoEnglishOrFinnish(value: String, expected: LetterLanguageChoice?) throws {
        let json = Self.payload(general: Self.general("letter-language", value))
        let found = try fields(json)
        #expect(found == (expected == nil ? ["general.letter-language"] : []))
        if let expected { #expect(try Answers.decode(from: Data(json.utf8)).letterLanguage == expected) }
    }

    @Test func letterLanguageMayBeLeftOutAndMeansEnglish() throws {
        let json = Self.payload()
        #expect(try fields(json) == [])
        #expect(try Answers.decode(from: Data(json.utf8)).letterLanguage == .english)
    }

    @Test func generalItemsAreReadByKeyInAnyOrder() throws {
        let general =
            #"[{"cover-letter-style":["Funny"]},{"cover-letter-num":"2"},{"deep-mode":"No"},"#
            + #"{"job-boards":["Jobly"]},{"job-level":["Entry","Intern"]}]"#
        #expect(try problems(Self.payload(general: general)).isEmpty)
    }

    @Test func generalShapeProblemsNameTheItem() throws {
        let missing = #"[{"job-level":["Entry"]},{"job-boards":["Jobly"]},{"deep-mode":"No"},{"cover-letter-num":1}]"#
        #expect(try fields(Self.payload(general: missing)) == ["general.cover-letter-style"])
        let twoKeys = Self.general("deep-mode", #""No""#).replacingOccurrences(
            of: #"{"deep-mode":"No"}"#, with: #"{"deep-mode":"No","x":1}"#)
        #expect(try fields(Self.payload(general: twoKeys)) == ["general[2]", "general.deep-mode"])
        let base = Self.general("deep-mode", #""No""#)
        let twice = String(base.dropLast()) + #",{"deep-mode":"Yes"}]"#
        #expect(try fields(Self.payload(general: twice)) == ["general.deep-mode"])
        let unknown = String(base.dropLast()) + #",{"salary":5000}]"#
        #expect(try fields(Self.payload(general: unknown)) == ["general.salary"])
        #expect(try fields(Self.payload(general: #""everything""#)) == ["general"])
    }

    @Test(arguments: [
        (#"{"python":0}"#, []), (#"{"python":7}"#, []), (#"{"python":8}"#, ["languages.python"]),
        (#"{"python":-1}"#, ["languages.python"]), (#"{"python":2.5}"#, ["languages.python"]),
        (#"{"python":"7"}"#, ["languages.python"]), (#"{"klingon":2}"#, ["languages.klingon"]),
        (#"{"docker":2}"#, ["languages.docker"]),
    ])
    func slidersAreWholeNumbersZeroToSevenOfTheirSet(item: String, expected: [String]) throws {
        #expect(try fields(Self.payload(sets: #","languages":[\#(item)]"#)) == expected)
    }

    @Test func everyCustomEntryIsCheckedWithItsYears() throws {
        let good =
            #","databases":[{"text-field2":"Valkyrie DB"},{"text-field2-slider":4},"#
            + #"{"text-field2-2":"FoundationDB"},{"text-field2-2-slider":7},{"text-field2-3":"Tiny"}]"#
        #expect(try problems(Self.payload(sets: good)).isEmpty)
        let long = String(repeating: "x", count: 51)
        let bad =
            #","databases":[{"text-field2":"\#(long)"},{"text-field2-2":7},{"text-field2-3-slider":9},"#
            + #"{"text-field2-4-slider":3},{"text-field1":"wrong slot"},{"text-field2-1":"x"},{"text-field2-11":"x"}]"#
        #expect(
            try fields(Self.payload(sets: bad)) == [
                "databases.text-field2", "databases.text-field2-2", "databases.text-field2-3-slider",
                "databases.text-field1", "databases.text-field2-1", "databases.text-field2-11",
                "databases.text-field2-4-slider",
            ])
        let fifty = String(repeating: "y", count: 50)
        #expect(try problems(Self.payload(sets: #","databases":[{"text-field2":"\#(fifty)"}]"#)).isEmpty)
        #expect(
            try problems(Self.payload(sets: #","databases":[{"text-field2":"  "},{"text-field2-slider":0}]"#)).isEmpty)
    }

    @Test func aTooLongNameWithYearsIsOneProblemNotAlsoYearsWithoutAName() throws {
        let long = String(repeating: "z", count: 51)
        let payload = Self.payload(sets: #","languages":[{"text-field1":"\#(long)"},{"text-field1-slider":4}]"#)
        let found = try problems(payload)
        #expect(found.map(\.field) == ["languages.text-field1"])
        #expect(found.map(\.message) == ["Keep the name to 50 characters or fewer."])
    }

    @Test func descriptionIsRequiredNonBlankAndAtMost3000Characters() throws {
        #expect(try problems(Self.payload(info: #""plain string""#)).isEmpty)
        let limit = String(repeating: "a", count: 3000)
        #expect(try problems(Self.payload(info: #"[{"additional-info":"\#(limit)"}]"#)).isEmpty)
        #expect(try fields(Self.payload(info: #"[{"additional-info":"\#(limit)b"}]"#)) == ["additional-info"])
        #expect(try fields(Self.payload(info: #"[{"additional-info":""}]"#)) == ["additional-info"])
        #expect(try fields(Self.payload(info: #"[{"additional-info":5}]"#)) == ["additional-info"])
        #expect(try fields(Self.payload(info: "[]")) == ["additional-info"])
        #expect(
            try fields(Self.payload(info: #"[{"additional-info":"a"},{"additional-info":"b"}]"#)) == ["additional-info"]
        )
        #expect(
            try fields(Self.payload(info: #"{"additional-info":"a","notes":"b"}"#)) == ["additional-info.notes"])
    }

    @Test func aboutYouFieldsHaveLimitsAndFormats() throws {
        let good =
            #","about-you":[{"name":"Aino Virtanen"},{"email":"aino@example.com"},{"phone":"+358 40 123"},"#
            + #"{"links":["https://aino.dev","http://github.com/aino"]},{"city":"Tampere"}]"#
        #expect(try problems(Self.payload(sets: good)).isEmpty)
        #expect(try problems(Self.payload(sets: #","about-you":[{"email":""},{"links":[]}]"#)).isEmpty)
        let bad =
            #","about-you":[{"name":"\#(String(repeating: "n", count: 101))"},{"email":"not-an-address"},"#
            + #"{"links":["ftp://x","https://a","https://b","https://c"]},{"age":30},{"city":5}]"#
        #expect(
            try fields(Self.payload(sets: bad)) == [
                "about-you.name", "about-you.email", "about-you.links", "about-you.links", "about-you.age",
                "about-you.city",
            ])
    }

    @Test func deliveryIsDownloadOnly() throws {
        #expect(try problems(Self.payload(extra: #","delivery_method":null"#)).isEmpty)
        #expect(
            try fields(Self.payload(extra: #","delivery_method":"email","email":"a@b.fi""#)) == [
                "delivery_method", "email",
            ])
        #expect(try fields(Self.payload(extra: #","delivery_method":"pigeon""#)) == ["delivery_method"])
    }

    @Test func messagesAreWrittenForPeople() throws {
        let problem = try #require(
            try problems(Self.payload(general: Self.general("job-level", #"["Expert-level","Entry"]"#))).first)
        #expect(problem.message.contains("next to each other"))
        let missing =
            #"[{"job-level":["Entry"]},{"job-boards":["Jobly"]},{"cover-letter-num":1},"#
            + #"{"cover-letter-style":["Funny"]}]"#
        #expect(
            try problems(Self.payload(general: missing)).first?.message
                == #"Missing: answer "Deep search?" (required)."#)
    }
}
