import ClockTestSupport
import FixtureBoards
import Foundation
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@testable import JobsAI

/// Progress kept in memory, for step tests.
actor RecordingProgress: PipelineProgress {
    private(set) var phases: [JobPhase] = []
    private(set) var counts = JobCounts()
    private(set) var updates = 0
    private(set) var notes: [ProgressNote] = []

    func begin(_ phase: JobPhase) async throws { phases.append(phase) }

    func update(_ change: @escaping @Sendable (inout JobCounts) -> Void) {
        change(&counts)
        updates += 1
    }

    func note(_ note: ProgressNote) { notes.append(note) }
}

/// A document store that refuses everything.
struct BrokenStore: DocumentStore {
    func put(key: String, data: Data, contentType: String, fileName: String) async throws(DocumentStoreError) {
        throw DocumentStoreError(key: key, reason: "the bucket does not exist")
    }
}

@Suite struct PipelineStepTests {
    let time = ManualWallClock(secondsSinceEpoch: 1_764_158_400)

    func inputs(letters: Int = 3, deep: String = "Yes") throws -> (Answers, Profile) {
        try ProfilingStep.run(PipelineFixtures.payload(letters: letters, deep: deep))
    }

    @Test func profilingReadsAnswersAndKeepsAboutYouOutOfTheProfile() throws {
        let (answers, profile) = try inputs()
        #expect(answers.aboutYou?.email == "aino@example.com")
        #expect(profile.skills.first?.name == "Python")
        #expect(profile.jobLevels == [.expert, .intermediate])
        let encoded = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
        #expect(!encoded.contains("aino@example.com") && !encoded.contains("Aino"))
        #expect(throws: StepFailure.self) { try ProfilingStep.run(.array([])) }
    }

    @Test func queryingGivesFiveToTenDistinctQueries() throws {
        let queries = try QueryingStep.run(try inputs().1)
        #expect((5...10).contains(queries.count))
        #expect(Set(queries.map { $0.text.lowercased() }).count == queries.count)
        #expect(queries.contains { $0.language == .finnish })
    }

    @Test func searchingReportsLiveCountsAndExplainsAnEmptyResult() async throws {
        let (answers, profile) = try inputs()
        let queries = try QueryingStep.run(profile)
        let site = FixtureBoardsSite(corpus: PipelineFixtures.corpus, fixtures: nil)
        let progress = RecordingProgress()
        let outcome = try await SearchingStep.run(
            queries: queries, answers: answers, boards: PipelineFixtures.boards(site: site, time: time),
            limits: ScrapeLimits(maxListings: 1000, maxDetailPages: 1000), clock: time, progress: progress)
        #expect(outcome.listings.count > 20)
        let counts = await progress.counts
        #expect(counts.queriesDone == queries.count)
        #expect(counts.listingsFound == outcome.listings.count)
        #expect(await progress.updates == queries.count + outcome.detailPagesFetched)
        #expect(outcome.stop == nil)
        #expect(await progress.notes.isEmpty)

        // A listing cap reached before the last query stops the search and says why.
        let capped = RecordingProgress()
        let short = try await SearchingStep.run(
            queries: queries, answers: answers, boards: PipelineFixtures.boards(site: site, time: time),
            limits: ScrapeLimits(maxListings: 5, maxDetailPages: 0), clock: time, progress: capped)
        let stop = try #require(short.stop)
        #expect(stop.reason == .listingCap && stop.limit == 5 && stop.queriesTotal == queries.count)
        let cappedCounts = await capped.counts
        #expect(stop.queriesDone < queries.count && stop.queriesDone == cappedCounts.queriesDone)
        #expect(await capped.notes == [.searchStopped(stop)])
        #expect(
            stop.message
                == "The search stopped after \(stop.queriesDone) of its \(queries.count) queries: it had found 5 job "
                + "ads, as many as one search scores.")

        await site.controls.throttle(next: 100_000, retryAfter: 0)
        let failure = await #expect(throws: StepFailure.self) {
            try await SearchingStep.run(
                queries: queries, answers: answers, boards: PipelineFixtures.boards(site: site, time: time),
                limits: ScrapeLimits(), clock: time, progress: progress)
        }
        #expect(failure?.phase == .searching)
        #expect(failure?.cause.contains("Duunitori asked us to slow down (HTTP 429)") == true)
        #expect(
            SearchingStep.noListingsMessage(
                SearchOutcome(listings: [], pagesFetched: 2, detailPagesFetched: 0, duplicatesDropped: 0, problems: []),
                queries: 7, boards: [.jobly])
                == "Jobly had no job ads for any of your 7 searches. Try other levels or more skills.")
    }

    @Test func scoringRanksBestFirstAndCountsEveryListing() async throws {
        let (_, profile) = try inputs()
        let listings = [
            JobListing(board: .jobly, title: "Office Assistant", company: "A", url: "u1", description: "Excel."),
            JobListing(
                board: .jobly, title: "Senior Python Developer", company: "B", url: "u2",
                description: "Python, Django and PostgreSQL."),
            JobListing(board: .jobly, title: "Java Developer", company: "C", url: "u3", description: "Java, Spring."),
        ]
        let progress = RecordingProgress()
        let ranked = try await ScoringStep.run(listings, profile: profile, now: time.date, progress: progress)
        #expect(ranked.first?.listing.company == "B")
        #expect(ranked.map(\.score) == ranked.map(\.score).sorted(by: >))
        #expect(await progress.counts.listingsScored == 3)
    }

    @Test func planningTakesTheBestNWithTheChosenStyles() throws {
        let answers = try Answers.read(PipelineFixtures.payload(letters: 2, styles: ["Confident", "Funny"]))
        let profile = Profile(answers: answers)
        let scorer = ListingScorer(profile: profile, now: time.date)
        let ranked = (1...5).map {
            scorer.score(
                JobListing(board: .duunitori, title: "Python Developer \($0)", company: "C\($0)", url: "u\($0)"))
        }
        let plans = try PlanningStep.run(ranked, answers: answers, profile: profile)
        #expect(plans.map(\.listing.company) == ["C1", "C2"])
        #expect(plans.allSatisfy { $0.styles == [.confident, .funny] })
        #expect(throws: StepFailure.self) { try PlanningStep.run([], answers: answers, profile: profile) }
    }

    @Test func writingStoresEveryLetterOrFailsAsAWhole() async throws {
        let (answers, profile) = try inputs(letters: 2)
        let scorer = ListingScorer(profile: profile, now: time.date)
        let scored = ["Koodi Oy", "Koodi Oy"].enumerated().map { index, company in
            scorer.score(JobListing(board: .jobly, title: "Python Developer", company: company, url: "u\(index)"))
        }
        let plans = scored.map { LetterPlan(scored: $0, profile: profile, styles: answers.letterStyles) }
        let explanations = scored.map(ScoreExplanation.init)
        let documents = InMemoryDocumentStore()
        let progress = RecordingProgress()
        let result = try await WritingStep.run(
            plans, explanations: explanations, answers: answers, jobID: "j", writer: OfflineWriter(),
            uploader: LetterUploader(store: documents), date: time.date, progress: progress)
        #expect(
            result.letters.map(\.fileName) == [
                "koodi-oy-python-developer-cover-letter.docx", "koodi-oy-python-developer-cover-letter-2.docx",
            ])
        #expect(await progress.counts.lettersWritten == 2)
        #expect(await documents.objects.count == 3)
        // Each chosen job carries why it scored as it did and its letter's words for a preview.
        #expect(result.jobs.map(\.scoreBreakdown) == explanations)
        let text = try #require(result.jobs.first?.letterPreview)
        #expect(!text.salutation.isEmpty && !text.paragraphs.isEmpty)
        #expect(!text.paragraphs.joined().contains("aino@example.com"))

        let failure = await #expect(throws: StepFailure.self) {
            try await WritingStep.run(
                plans, explanations: explanations, answers: answers, jobID: "j", writer: OfflineWriter(),
                uploader: LetterUploader(store: BrokenStore()),
                date: time.date, progress: progress)
        }
        #expect(
            failure?.description.hasPrefix("Step 6 of 6 (writing the letters) failed: the letters could not be saved")
                == true)
        #expect(failure?.cause.contains("the bucket does not exist") == true)
    }
}
