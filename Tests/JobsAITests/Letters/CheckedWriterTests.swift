import ClockTestSupport
import CurlHTTP
import Foundation
import JobsAI
import JobsAILive
import JobsAITestSupport
import Testing

/// The whole job with the OpenAI-compatible writer against a scripted server: whatever the model does,
/// the job completes and records which writer wrote the letter.
@Suite struct CheckedWriterTests {
    /// A board that finds one fixed listing.
    struct OneListingBoard: JobBoard {
        let name = JobBoardName.duunitori
        static let listing = JobListing(
            board: .duunitori, title: "Python Developer", company: "Koodi Oy", location: "Helsinki",
            url: "https://duunitori.test/1",
            description: "Requirements:\nSolid experience with Python and Django\nKubernetes is a plus")

        func search(query: String, limits: ScrapeLimits, deadline: Date) async throws -> BoardResults {
            BoardResults(listings: [Self.listing], pagesFetched: 1, problems: [])
        }

        func readDetails(of listing: JobListing) async throws -> JobListing { listing }
    }

    static let valid = """
        {"salutation": "Dear Koodi Oy hiring team,", "paragraphs": ["I am applying for the Python Developer role at \
        Koodi Oy.", "I have more than three years of Python and over two years of Django.", "I care about mentoring \
        colleagues and writing code others can read."], "closing": "Kind regards,"}
        """
    static let claimsKubernetes = """
        {"salutation": "Dear Koodi Oy hiring team,", "paragraphs": ["I am applying for the Python Developer role at \
        Koodi Oy.", "I have more than three years of Python and I also run Kubernetes clusters every day.", \
        "Thank you for reading."], "closing": "Kind regards,"}
        """

    /// Runs one job against a server answering with `script`; returns the chosen job and the requests.
    static func run(_ script: [FakeOpenAIServer.Reply]) async throws
        -> (status: JobStatus?, job: ChosenJob?, requests: [FakeOpenAIServer.Received])
    {
        let server = FakeOpenAIServer(script)
        try await server.start()
        defer { Task { await server.stop() } }
        let time = ManualWallClock(secondsSinceEpoch: 1_764_158_400)
        let writer = OpenAIWriter(
            configuration: OpenAIConfiguration(
                baseURL: await server.baseURL, apiKey: "sk-test", model: "test-model", attempts: 2),
            http: try HTTPClient(), prompts: try PromptLibrary.bundled(), clock: time)
        let store = InMemoryJobStore()
        let pipeline = JobPipeline(
            boards: [OneListingBoard()], writer: writer, documents: InMemoryDocumentStore(), clock: time)
        let runner = JobRunner(store: store, pipeline: pipeline, clock: TickClock(time: time))
        try await store.create(PipelineFixtures.record("job-llm", now: time.date))
        let outcome = try await runner.run(
            WorkerEvent(
                jobID: "job-llm", answers: PipelineFixtures.payload(letters: 1, boards: ["Duunitori"], deep: "No")))
        let job = await store.get("job-llm")?.result?.jobs.first
        return (outcome.status, job, await server.received)
    }

    @Test func aValidLetterIsStoredAsTheModelWroteIt() async throws {
        let (status, job, requests) = try await Self.run([.completion(Self.valid)])
        #expect(status == .complete)
        #expect(job?.letterWriter == "test-model")
        #expect(job?.letterFallbackReason == nil)
        #expect(requests.count == 1)
    }

    @Test func aLetterClaimingASkillIsReaskedWithTheViolationThenWrittenOffline() async throws {
        let (status, job, requests) = try await Self.run([.completion(Self.claimsKubernetes)])
        #expect(status == .complete)
        #expect(job?.letterWriter == "offline")
        #expect(job?.letterFallbackReason?.contains("claimedSkill") == true)
        #expect(requests.count == 2)
        let messages = try #require(requests.last?.body["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user", "assistant", "user"])
        #expect(messages[3]["content"]?.contains("claims Kubernetes, which the candidate never gave") == true)
    }

    @Test func aLetterFixedOnTheReaskIsKept() async throws {
        let (status, job, requests) = try await Self.run([
            .completion(Self.claimsKubernetes), .completion(Self.valid),
        ])
        #expect(status == .complete)
        #expect(job?.letterWriter == "test-model")
        #expect(job?.letterFallbackReason == nil)
        #expect(requests.count == 2)
    }

    @Test func invalidJSONTwiceFallsBackToTheOfflineWriter() async throws {
        let (status, job, requests) = try await Self.run([.completion("Dear team, here is a letter.")])
        #expect(status == .complete)
        #expect(job?.letterWriter == "offline")
        #expect(job?.letterFallbackReason?.contains("not a usable letter") == true)
        #expect(requests.count == 2)
    }

    @Test func serverErrorsFallBackToTheOfflineWriter() async throws {
        let (status, job, requests) = try await Self.run([.init(status: 500, body: #"{"error":{"message":"down"}}"#)])
        #expect(status == .complete)
        #expect(job?.letterWriter == "offline")
        #expect(job?.letterFallbackReason?.contains("HTTP 500") == true)
        #expect(requests.count == 2)  // the client's two attempts, no more
    }
}
