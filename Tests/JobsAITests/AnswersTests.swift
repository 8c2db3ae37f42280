import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@Suite struct AnswersTests {
    private func decode(_ json: String) throws -> Answers { try Answers.decode(from: Data(json.utf8)) }

    /// The paths of the fields at fault, empty when the payload reads.
    private func faults(_ json: String) -> [String] {
        do {
            _ = try Answers.decode(from: Data(json.utf8))
            return []
        } catch {
            return error.fields
        }
    }

    @Test func decodesTheReferenceExamplePayload() throws {
        let answers = try decode(
            """
            {"general":[{"job-level":["Expert-level"]},{"job-boards":["Duunitori"]},{"deep-mode":"Yes"},\
            {"cover-letter-num":1},{"cover-letter-style":["Professional"]}],\
            "languages":[{"javascript":7},{"html-css":7},{"sql":7},{"python":7}],\
            "additional-info":[{"additional-info":"I'm highly motivated"}],"delivery_method":"download"}
            """)
        #expect(answers.jobLevels == [.expert])
        #expect(answers.jobBoards == [.duunitori])
        #expect(answers.deepMode)
        #expect(answers.coverLetterCount == 1)
        #expect(answers.letterStyles == [.professional])
        #expect(answers.experience.map(\.label) == ["JavaScript", "HTML/CSS", "SQL", "Python"])
        #expect(answers.personalDescription == "I'm highly motivated")
        #expect(answers.aboutYou == nil)
    }

    @Test func readsGeneralItemsByKeyInAnyOrderAndDeepModeNo() throws {
        let answers = try decode(
            """
            {"general":[{"cover-letter-style":["Funny","Friendly"]},{"cover-letter-num":"3"},{"deep-mode":"No"},\
            {"job-boards":["Jobly","Duunitori"]},{"job-level":["Entry","Intern"]}],\
            "additional-info":[{"additional-info":"x"}]}
            """)
        #expect(answers.deepMode == false)
        #expect(answers.coverLetterCount == 3)
        #expect(answers.jobBoards == [.jobly, .duunitori])
        #expect(answers.jobLevels == [.entry, .intern])
        #expect(answers.letterStyles == [.funny, .friendly])
    }

    @Test func keepsEveryCustomTechnologyWithItsYears() throws {
        let answers = try decode(
            """
            {"general":[{"job-level":"Intermediate"},{"job-boards":["Duunitori"]},{"deep-mode":"Yes"},\
            {"cover-letter-num":2},{"cover-letter-style":["Confident"]}],\
            "cloud_development":[{"docker":3},{"text-field3":"Pulumi"},{"text-field3-slider":5},\
            {"text-field3-2":"Nomad"},{"text-field3-2-slider":2},{"text-field3-3":"docker"},{"text-field3-3-slider":6}],\
            "additional-info":[{"additional-info":"text"}]}
            """)
        #expect(answers.experience.map(\.label) == ["Docker", "Pulumi", "Nomad"])
        #expect(answers.experience.map(\.level) == [6, 5, 2])
        #expect(answers.experience.map(\.isCustom) == [false, true, true])
        #expect(answers.experience.allSatisfy { $0.set == .cloudDevelopment })
    }

    @Test func readsAboutYou() throws {
        let answers = try decode(
            """
            {"general":[{"job-level":["Entry"]},{"job-boards":["Jobly"]},{"deep-mode":"No"},\
            {"cover-letter-num":1},{"cover-letter-style":["Friendly"]}],"additional-info":[{"additional-info":"x"}],\
            "about-you":[{"name":" Aino Virtanen "},{"email":"aino@example.com"},{"links":["https://aino.dev"]},{"city":"Tampere"}]}
            """)
        #expect(
            answers.aboutYou
                == AboutYou(
                    name: "Aino Virtanen", email: "aino@example.com", links: ["https://aino.dev"], city: "Tampere"))
    }

    @Test func namesTheFieldAtFault() {
        let general = """
            "general":[{"job-level":["Expert-level"]},{"job-boards":["Duunitori"]},{"deep-mode":"Yes"},\
            {"cover-letter-num":1},{"cover-letter-style":["Professional"]}]
            """
        let info = #""additional-info":[{"additional-info":"x"}]"#
        #expect(faults("{\(general),\(info)}") == [])
        #expect(faults("[]") == ["body"])
        #expect(faults("not json") == ["body"])
        #expect(faults("{\(info)}") == ["general"])
        #expect(faults("{\(general)}") == ["additional-info"])
        #expect(faults("{\(general),\(info),\"languages\":[{\"python\":9}]}") == ["languages.python"])
        #expect(faults("{\(general),\(info),\"languages\":[{\"klingon\":2}]}") == ["languages.klingon"])
        #expect(faults("{\(general),\(info),\"extra\":1}") == ["extra"])
        #expect(
            faults(
                "{\(general.replacingOccurrences(of: "\"cover-letter-num\":1", with: "\"cover-letter-num\":99")),\(info)}"
            ) == ["general.cover-letter-num"])
        #expect(
            faults("{\(general.replacingOccurrences(of: "Duunitori", with: "Indeed")),\(info)}")
                == ["general.job-boards"])
        #expect(
            faults("{\(general.replacingOccurrences(of: "{\"deep-mode\":\"Yes\"},", with: "")),\(info)}")
                == ["general.deep-mode"])
        #expect(faults("{\"general\":[{\"a\":1,\"b\":2}],\(info)}").first == "general[0]")
        // Every fault at once, not only the first.
        #expect(faults("{\"languages\":[{\"python\":9}]}") == ["general", "languages.python", "additional-info"])
    }
}
