import ClockTestSupport
import FixtureBoards
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing
import ZIPFoundation

@Suite struct JobRunnerTests {
    static let start = Date(timeIntervalSince1970: 1_764_158_400)

    struct Harness {
        let store = InMemoryJobStore()
        let documents = InMemoryDocumentStore()
        /// Tells the runner the time of `time`; its heartbeat beats only when the test ticks.
        let ticks = TickClock(time: ManualWallClock(secondsSinceEpoch: JobRunnerTests.start.timeIntervalSince1970))
        var time: ManualWallClock { ticks.time }
        let site = FixtureBoardsSite(corpus: PipelineFixtures.corpus, fixtures: nil)

        func runner(boards: [any JobBoard]? = nil, writer: any Writer = OfflineWriter()) -> JobRunner {
            let pipeline = JobPipeline(
                boards: boards ?? PipelineFixtures.boards(site: site, time: time), writer: writer, documents: documents,
                clock: time)
            return JobRunner(store: store, pipeline: pipeline, clock: ticks)
        }

        func create(_ id: String, deadline: Double = 900) async throws {
            try await store.create(PipelineFixtures.record(id, now: time.date, deadline: deadline))
        }
    }

    @Test func completesWithLettersStoredUnderTheJob() async throws {
        let harness = Harness()
        try await harness.create("job-1")
        let outcome = try await harness.runner().run(
            WorkerEvent(jobID: "job-1", answers: PipelineFixtures.payload(letters: 3)))
        #expect(outcome.status == .complete)
        let record = try #require(await harness.store.get("job-1"))
        #expect(record.status == .complete)
        let result = try #require(record.result)
        #expect(result.jobs.count == 3)
        #expect(result.letters.count == 3)
        #expect(result.jobs.map(\.letterFileName) == result.letters.map(\.fileName))
        #expect(result.jobs.map(\.score) == result.jobs.map(\.score).sorted(by: >))
        #expect(
            result.bundle == StoredDocument(fileName: "cover-letters.zip", key: "documents/job-1/cover-letters.zip"))
        let objects = await harness.documents.objects
        #expect(Set(objects.keys) == Set(result.letters.map(\.key) + ["documents/job-1/cover-letters.zip"]))
        for letter in result.letters {
            let object = try #require(objects[letter.key])
            #expect(letter.key == "documents/job-1/\(letter.fileName)")
            #expect(object.contentType == LetterUploader.docxContentType)
            #expect(object.fileName == letter.fileName)
        }
        #expect(objects["documents/job-1/cover-letters.zip"]?.contentType == "application/zip")
        let zip = try Archive(data: try #require(objects["documents/job-1/cover-letters.zip"]).data, accessMode: .read)
        #expect(Set(zip.map(\.path)) == Set(result.letters.map(\.fileName)))
        // The final counts were written before the job ended.
        let counts = try #require(record.progress?.counts)
        #expect(record.progress?.phase == .writing)
        #expect(counts.lettersWritten == 3 && counts.lettersTotal == 3)
        // Queries stop early once the listing cap (200) is reached.
        #expect((1...counts.queriesTotal).contains(counts.queriesDone) && counts.queriesTotal >= 5)
        #expect(counts.listingsScored == counts.listingsFound && counts.listingsFound > 10)
    }

    @Test func cancellingMidSearchEndsCancelledNotError() async throws {
        let harness = Harness()
        try await harness.create("job-2")
        let (entered, signal) = AsyncStream<Void>.makeStream()
        let runner = harness.runner(boards: [BlockingBoard(name: .duunitori, entered: signal)])
        let running = Task { try await runner.run(WorkerEvent(jobID: "job-2", answers: PipelineFixtures.payload())) }
        for await _ in entered { break }
        #expect(await harness.store.get("job-2")?.progress?.phase == .searching)
        _ = await harness.store.requestCancel("job-2", at: harness.time.date)
        harness.time.advance(seconds: 1)  // the next heartbeat is due a second after the step start's write
        harness.ticks.tick()
        let outcome = try await running.value
        #expect(outcome.status == .cancelled)
        let record = try #require(await harness.store.get("job-2"))
        #expect(record.status == .cancelled)
        #expect(record.error == nil)
        #expect(await harness.documents.objects.isEmpty)
    }

    @Test func theDeadlineEndsTheJobTimedOut() async throws {
        let harness = Harness()
        try await harness.create("job-3", deadline: 30)
        let (entered, signal) = AsyncStream<Void>.makeStream()
        let runner = harness.runner(boards: [BlockingBoard(name: .duunitori, entered: signal)])
        let running = Task { try await runner.run(WorkerEvent(jobID: "job-3", answers: PipelineFixtures.payload())) }
        for await _ in entered { break }
        harness.time.advance(seconds: 31)
        harness.ticks.tick()
        let outcome = try await running.value
        #expect(outcome.status == .timedOut)
        let record = try #require(await harness.store.get("job-3"))
        #expect(record.status == .timedOut)
        #expect(record.error?.contains("deadline") == true)
    }

    @Test func theLambdaDeadlineKeepsAMarginToWriteTimedOut() async throws {
        let harness = Harness()
        try await harness.create("job-9")
        let (entered, signal) = AsyncStream<Void>.makeStream()
        let runner = harness.runner(boards: [BlockingBoard(name: .duunitori, entered: signal)])
        // A 5-second function timeout: the job stops a fifth of it (1 s) early, not 10 s (before it started).
        let lambdaDeadline = harness.time.date.addingTimeInterval(5)
        let running = Task {
            try await runner.run(
                WorkerEvent(jobID: "job-9", answers: PipelineFixtures.payload()), lambdaDeadline: lambdaDeadline)
        }
        for await _ in entered { break }
        harness.time.advance(seconds: 3.5)
        harness.ticks.tick()
        harness.time.advance(seconds: 0.6)
        harness.ticks.tick()
        #expect(try await running.value.status == .timedOut)
    }

    @Test func aFailingStepEndsErrorNamingTheStepAndCause() async throws {
        let harness = Harness()
        try await harness.create("job-4")
        await harness.site.controls.throttle(next: 10_000, retryAfter: 0)
        let outcome = try await harness.runner().run(
            WorkerEvent(jobID: "job-4", answers: PipelineFixtures.payload(letters: 1)))
        #expect(outcome.status == .error)
        let message = try #require(await harness.store.get("job-4")?.error)
        #expect(message.hasPrefix("Step 3 of 6 (searching the job boards) failed:"), "\(message)")
        #expect(message.contains("HTTP 429"), "\(message)")

        try await harness.create("job-5")
        await harness.site.controls.reset()
        // A writer that fails never fails the job: the offline writer writes that letter, and the result says so.
        let writing = try await harness.runner(writer: FailingWriter()).run(
            WorkerEvent(jobID: "job-5", answers: PipelineFixtures.payload(letters: 1)))
        #expect(writing.status == .complete)
        let chosen = try #require(await harness.store.get("job-5")?.result?.jobs.first)
        #expect(chosen.letterWriter == "offline")
        #expect(chosen.letterFallbackReason == "the model is offline.")

        try await harness.create("job-6")
        let unreadable = try await harness.runner().run(WorkerEvent(jobID: "job-6", answers: .object([:])))
        #expect(unreadable.status == .error)
        #expect(unreadable.error?.hasPrefix("Step 1 of 6 (building your profile) failed: your answers") == true)
    }

    @Test func aJobCancelledBeforeItStartsIsNotRun() async throws {
        let harness = Harness()
        try await harness.create("job-7")
        _ = await harness.store.requestCancel("job-7", at: harness.time.date)
        let outcome = try await harness.runner().run(WorkerEvent(jobID: "job-7", answers: PipelineFixtures.payload()))
        #expect(outcome.status == .cancelled)
        #expect(await harness.store.get("job-7")?.progress == nil)
        let missing = try await harness.runner().run(WorkerEvent(jobID: "nope", answers: PipelineFixtures.payload()))
        #expect(missing.status == nil)
    }

    @Test func progressIsWrittenAtStepStartsAndAtMostOnceASecondBetween() async throws {
        let store = InMemoryJobStore()
        let time = ManualWallClock(secondsSinceEpoch: Self.start.timeIntervalSince1970)
        try await store.create(PipelineFixtures.record("job-8", now: time.date))
        _ = await store.markRunning("job-8", at: time.date)
        let reporter = ProgressReporter(
            store: store, jobID: "job-8", clock: time, deadline: time.date.addingTimeInterval(60))
        try await reporter.begin(.searching)
        await reporter.update { $0.queriesDone = 1 }
        #expect(await reporter.heartbeat() == nil)
        #expect(await reporter.writes == 1)  // less than a second since the step start: nothing written
        time.advance(seconds: 1)
        await reporter.update { $0.queriesDone = 2 }
        #expect(await reporter.heartbeat() == nil)
        #expect(await reporter.writes == 2)
        #expect(await store.get("job-8")?.progress?.counts.queriesDone == 2)
        _ = await store.requestCancel("job-8", at: time.date)
        time.advance(seconds: 1)
        #expect(await reporter.heartbeat() == .cancelled)
        await #expect(throws: JobInterruption.cancelled) { try await reporter.begin(.scoring) }
    }
}
