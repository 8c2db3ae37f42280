import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@Suite struct QueryBuilderTests {
    static func skill(_ name: String, _ key: String?, _ set: QuestionSetID, _ level: Int) -> ProfileSkill {
        ProfileSkill(name: name, key: key, set: set, level: level)
    }

    static let developer = [
        skill("Python", "python", .languages, 7), skill("SQL", "sql", .languages, 7),
        skill("JavaScript", "javascript", .languages, 6), skill("React", "react", .webFrameworks, 5),
        skill("Docker", "docker", .cloudDevelopment, 4), skill("PostgreSQL", "postgresql", .databases, 5),
        skill("Amazon Web Services (AWS)", "amazon-web-services-aws", .cloudDevelopment, 3),
    ]

    func texts(_ skills: [ProfileSkill], _ levels: [JobLevel], _ description: String = "") -> [String] {
        QueryBuilder().queries(for: Profile(skills: skills, jobLevels: levels, description: description)).map(\.text)
    }

    @Test func drawsFromTheStrongestSkillsInBothLanguages() {
        let queries = QueryBuilder().queries(
            for: Profile(skills: Self.developer, jobLevels: [.intermediate], description: ""))
        let texts = queries.map(\.text)
        #expect((QueryBuilder.minimumCount...QueryBuilder.maximumCount).contains(texts.count))
        #expect(Set(texts.map { $0.lowercased() }).count == texts.count)
        #expect(texts.first == "Python developer")
        #expect(texts.contains("JavaScript developer"))
        #expect(texts.contains("Python kehittäjä"))
        #expect(texts.contains("full stack developer"))
        #expect(queries.contains { $0.language == .finnish })
        #expect(!texts.contains { $0.lowercased().contains("ai engineer") })
        #expect(queries.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func theWantedLevelShapesTheQueries() {
        let junior = texts(Self.developer, [.entry, .intern])
        #expect(junior.first == "junior Python developer")
        #expect(junior.contains("JavaScript developer intern"))
        #expect(junior.contains { $0.hasPrefix("junior") && $0.contains("kehittäjä") })
        let senior = texts(Self.developer, [.expert])
        #expect(senior.first == "senior Python developer")
    }

    @Test func nothingIsHardCodedForEveryone() {
        let ops = texts(
            [
                Self.skill("Go", "go", .languages, 7), Self.skill("Kubernetes", "kubernetes", .cloudDevelopment, 7),
                Self.skill("Terraform", "terraform", .cloudDevelopment, 5),
                Self.skill("OpenAI GPT", "openai-gpt", .llms, 4),
            ],
            [.intermediate])
        #expect(ops.contains("Go developer"))
        #expect(ops.contains("Kubernetes engineer"))
        #expect(ops.contains("devops engineer"))
        #expect(ops.contains("AI engineer"))
        #expect(!ops.contains { $0.contains("Python") || $0.contains("frontend") })
        #expect(Set(ops).isDisjoint(with: texts(Self.developer, [.intermediate]).filter { $0.contains("Python") }))
    }

    @Test func describedRolesAndEmptyProfilesStillGiveFiveQueries() {
        let empty = texts([], [.entry])
        #expect(empty.count == 5)
        #expect(empty.contains("junior ohjelmistokehittäjä"))
        let analyst = texts(
            [Self.skill("SQL", "sql", .languages, 3)], [.intermediate], "I want to grow into a data analyst.")
        #expect(analyst.contains("data analyst"))
        #expect(analyst.count >= 5)
    }

    @Test func rolesAreNamedOnlyAsWholeWords() {
        let embedded = texts(
            [Self.skill("C", "c", .languages, 7), Self.skill("C++", "cplusplus", .languages, 6)], [.intermediate],
            "I write C on Linux every day and like consulting nobody.")
        #expect(!embedded.contains("UX designer"))
        let designer = texts([], [.intermediate], "I want to do UX work.")
        #expect(designer.contains("UX designer"))
    }

    @Test func aMinorSkillNamesNoQuery() {
        let queries = texts(
            [Self.skill("C", "c", .languages, 7), Self.skill("Python", "python", .languages, 2)], [.intermediate],
            "Embedded C is my thing. I use Python only for small test scripts.")
        #expect(!queries.contains { $0.contains("Python") })
        #expect(queries.contains { $0.lowercased().contains("embedded") })
    }

    @Test func internshipsAreSearchedAsFinnishAdsTitleThem() {
        let queries = QueryBuilder().queries(
            for: Profile(
                skills: [Self.skill("React", "react", .webFrameworks, 4)], jobLevels: [.entry, .intern],
                description: "I want a frontend internship."))
        let texts = queries.map(\.text)
        #expect(texts.contains { $0.contains("kesätyö") })
        #expect(texts.contains { $0.contains("trainee") })
        #expect(texts.contains { $0.contains("harjoittel") })
        #expect(queries.allSatisfy { !$0.reason.isEmpty })
        #expect(queries.contains { $0.reason.contains("frontend") })
    }

    @Test func anExcludedFamilyNamesNoQueryAndAWantedOneLeads() {
        let queries = texts(
            Self.developer, [.expert],
            "I want backend work. No consulting, no data engineering, not interested in sales.")
        #expect(queries.first == "backend")
        #expect(queries.contains("senior backend developer"))
        #expect(queries.contains("senior backend kehittäjä"))
        #expect(!queries.contains { $0.lowercased().contains("consult") || $0.contains("data engineer") })
        #expect(queries.contains { $0.hasPrefix("kokenut") || $0.hasPrefix("lead") })
    }
}
