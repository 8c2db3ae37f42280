import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@Suite struct QuestionnaireTests {
    let questionnaire = Questionnaire.standard

    @Test func hasTenNumberedSetsWithTheReferenceSliderCounts() {
        #expect(questionnaire.numberedSetCount == 10)
        let counts = questionnaire.technologySets.map { "\($0.id.rawValue)=\($0.technologies.count)" }
        #expect(
            counts == [
                "languages=42", "databases=30", "cloud-development=42", "web-frameworks=28", "dev-ides=27",
                "llms=17", "doc-and-collab=25", "operating-systems=15",
            ])
        #expect(questionnaire.allTechnologies.count == 226)
        #expect(questionnaire.technologySets.map(\.customSlot) == Array(1...8))
    }

    @Test func keysAreUniqueWithinEachSetAndLabelsAreNonEmpty() {
        for set in questionnaire.technologySets {
            #expect(Set(set.technologies.map(\.key)).count == set.technologies.count, "\(set.id)")
            #expect(set.technologies.allSatisfy { !$0.label.isEmpty && !$0.key.isEmpty })
        }
    }

    @Test func labelsMatchTheReferenceTable() {
        let languages = questionnaire.technologySet(.languages)
        #expect(languages?.technology(forKey: "cplusplus")?.label == "C++")
        #expect(languages?.technology(forKey: "csharp")?.label == "C#")
        #expect(languages?.technology(forKey: "visual-basic-dotnet")?.label == "Visual Basic (.Net)")
        #expect(languages?.technologies.last?.key == "mojo")
        #expect(questionnaire.technologySet(.cloudDevelopment)?.technology(forKey: "supabase2")?.label == "Supabase")
        #expect(
            questionnaire.technologySet(.llms)?.technology(forKey: "cohere-command-a")?.label == "Cohere: Command A")
        #expect(questionnaire.technologySet(.operatingSystems)?.technology(forKey: "pop-os")?.label == "Pop!_OS")
    }

    @Test func onlyTheFourReferenceDefaultsStartAtSeven() {
        let defaults = questionnaire.allTechnologies.filter { $0.technology.defaultYears != 0 }
        #expect(defaults.map(\.technology.key) == ["javascript", "html-css", "sql", "python"])
        #expect(defaults.allSatisfy { $0.technology.defaultYears == 7 })
    }

    @Test func generalQuestionsCarryOptionsDefaultsAndRules() {
        #expect(
            GeneralQuestion.all.map(\.key.rawValue) == [
                "job-level", "job-boards", "deep-mode", "cover-letter-num", "cover-letter-style", "letter-language",
            ])
        #expect(GeneralQuestion.jobLevel.options.map(\.value) == ["Expert-level", "Intermediate", "Entry", "Intern"])
        #expect(GeneralQuestion.jobLevel.rule == .multiple(min: 1, max: 2, adjacentOnly: true))
        #expect(GeneralQuestion.jobLevel.defaultValues == ["Expert-level"])
        #expect(GeneralQuestion.jobBoards.options.map(\.value) == ["Duunitori", "Jobly"])
        #expect(GeneralQuestion.deepMode.defaultValues == ["Yes"])
        #expect(GeneralQuestion.coverLetterNum.options.map(\.value) == (1...10).map(String.init))
        #expect(GeneralQuestion.coverLetterNum.rule == .single(columnsSplitAfter: 5))
        #expect(
            GeneralQuestion.coverLetterStyle.options.map(\.value) == ["Professional", "Friendly", "Confident", "Funny"])
        #expect(GeneralQuestion.coverLetterStyle.rule == .multiple(min: 1, max: 2, adjacentOnly: false))
        #expect(GeneralQuestion.letterLanguage.options.map(\.value) == ["Auto", "English", "Finnish"])
        #expect(GeneralQuestion.letterLanguage.defaultValues == ["English"])
        #expect(!GeneralQuestion.letterLanguage.isRequired)
        // Required questions carry the required mark; the optional language does not.
        #expect(
            GeneralQuestion.all.allSatisfy {
                ($0.label.hasSuffix(" *") || $0.label.contains(" *\n")) == $0.isRequired
            })
        #expect(JobLevel.intermediate.isAdjacent(to: .entry))
        #expect(!JobLevel.expert.isAdjacent(to: .entry))
    }

    @Test func scaleAndLimits() {
        #expect(ExperienceScale.captions.count == 8)
        #expect(ExperienceScale.captions.last == "> 3.0")
        #expect(PersonalDescription.maxLength == 3000)
        #expect(AboutYouField.allCases.map(\.rawValue) == ["name", "email", "phone", "links", "city"])
        #expect(questionnaire.technologySet(.languages)?.customSliderKey(entry: 2) == "text-field1-2-slider")
    }
}
