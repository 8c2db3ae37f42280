import AWSClients
import CurlHTTP
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

/// `DynamoJobStore` against LocalDynamo: item layout and every conditional transition.
@Suite struct DynamoJobStoreTests {
    private let created = Date(timeIntervalSince1970: 1_800_000_000)

    private func record(_ id: String = UUID().uuidString.lowercased(), status: JobStatus = .queued) -> JobRecord {
        JobRecord(
            jobID: id, status: status, createdAt: created, deadlineAt: created.addingTimeInterval(900),
            expiresAt: created.addingTimeInterval(86_400))
    }

    /// A store whose clock stands at `created`, so expiry never depends on the day the tests run.
    private func store(_ client: DynamoDBClient) -> DynamoJobStore {
        let now = created
        return DynamoJobStore(client: client, table: LocalDynamoHarness.table) { now }
    }

    @Test func anUnreadableResultIsAnErrorNamingTheJobNotAJobWithoutLetters() async throws {
        try await LocalDynamoHarness.withClient { client in
            let store = store(client)
            try await store.create(record("job-garbled", status: .complete))
            try await client.putItem(
                table: LocalDynamoHarness.table,
                item: [
                    "job_id": .string("job-garbled"), "status": .string("complete"),
                    "created_at": .string("2027-01-15T08:00:00.000Z"),
                    "deadline_at": .string("2027-01-15T08:15:00.000Z"),
                    "ttl": .number("1800086400"), "result": .string("{not json"),
                ])
            do {
                _ = try await store.get("job-garbled")
                Issue.record("a result that cannot be read was taken for a job without one")
            } catch {
                #expect(String(describing: error).contains("job-garbled"))
                #expect(String(describing: error).contains("result"))
            }
        }
    }

    @Test func createStoresTheContractLayoutAndGetReadsItBack() async throws {
        try await LocalDynamoHarness.withClient { client in
            let store = store(client)
            let job = record("job-1")
            try await store.create(job)
            let item = try #require(
                try await client.getItem(table: LocalDynamoHarness.table, key: ["job_id": .string("job-1")]))
            #expect(item["status"] == .string("queued"))
            #expect(item["created_at"] == .string("2027-01-15T08:00:00.000Z"))
            #expect(item["deadline_at"] == .string("2027-01-15T08:15:00.000Z"))
            #expect(item["ttl"] == .number("1800086400"))
            #expect(try await store.get("job-1") == job)
            #expect(try await store.get("missing") == nil)
        }
    }

    @Test func anExpiredItemReadsAsUnknownBeforeDynamoDBDeletesIt() async throws {
        try await LocalDynamoHarness.withClient { client in
            let expiry = created.addingTimeInterval(86_400)
            let before = DynamoJobStore(client: client, table: LocalDynamoHarness.table) {
                expiry.addingTimeInterval(-1)
            }
            let after = DynamoJobStore(client: client, table: LocalDynamoHarness.table) { expiry }
            try await before.create(record("expiring"))
            #expect(try await before.get("expiring") != nil)
            #expect(try await after.get("expiring") == nil)
        }
    }

    @Test func createRefusesAnExistingID() async throws {
        try await LocalDynamoHarness.withClient { client in
            let store = store(client)
            try await store.create(record("twice"))
            await #expect(throws: JobStoreError.alreadyExists("twice")) { try await store.create(record("twice")) }
        }
    }

    @Test func workerTransitionsWriteProgressAndResult() async throws {
        try await LocalDynamoHarness.withClient { client in
            let store = store(client)
            let job = record()
            try await store.create(job)
            let now = created.addingTimeInterval(5)
            #expect(try await store.markRunning(job.jobID, at: now) == .running)
            #expect(try await store.markRunning(job.jobID, at: now) == .running)
            let progress = JobProgress(
                phase: .searching, counts: JobCounts(queriesDone: 2, queriesTotal: 8, listingsFound: 31),
                profileSummary: try PipelineFixtures.summary(),
                searchStop: SearchStop(reason: .listingCap, queriesDone: 2, queriesTotal: 8, limit: 200))
            #expect(try await store.updateProgress(job.jobID, progress, at: now) == .running)
            #expect(try await store.get(job.jobID)?.progress == progress)
            let result = JobResult(
                jobs: [
                    ChosenJob(
                        title: "Developer", company: "Acme", location: "Helsinki", score: 81,
                        url: "https://example.com/1", matchedSkills: ["Swift"],
                        letterFileName: "acme-developer-cover-letter.docx",
                        scoreBreakdown: try PipelineFixtures.explanation(),
                        letterPreview: LetterPreview(
                            salutation: "Dear Acme,", paragraphs: ["One.", "Two."], closing: "Best,"))
                ],
                letters: [
                    StoredDocument(
                        fileName: "acme-developer-cover-letter.docx",
                        key: "documents/\(job.jobID)/acme-developer-cover-letter.docx")
                ],
                bundle: StoredDocument(fileName: "cover-letters.zip", key: "documents/\(job.jobID)/cover-letters.zip"))
            #expect(
                try await store.finish(job.jobID, status: .complete, result: result, error: nil, at: now) == .complete)
            let stored = try #require(try await store.get(job.jobID))
            #expect(stored.status == .complete)
            #expect(stored.progress == progress)
            #expect(stored.result == result)
            #expect(stored.updatedAt == now)
            // A final job is left alone.
            #expect(try await store.finish(job.jobID, status: .error, result: nil, error: "late", at: now) == .complete)
            #expect(try await store.updateProgress(job.jobID, progress, at: now) == .complete)
            #expect(try await store.get(job.jobID)?.error == nil)
        }
    }

    @Test func progressIsOnlyWrittenWhileRunning() async throws {
        try await LocalDynamoHarness.withClient { client in
            let store = store(client)
            let job = record()
            try await store.create(job)
            let progress = JobProgress(phase: .profiling)
            #expect(try await store.updateProgress(job.jobID, progress, at: created) == .queued)
            #expect(try await store.get(job.jobID)?.progress == nil)
            #expect(try await store.updateProgress("unknown", progress, at: created) == nil)
            #expect(try await store.markRunning("unknown", at: created) == nil)
            #expect(try await store.finish("unknown", status: .error, result: nil, error: "x", at: created) == nil)
        }
    }

    @Test func cancelIsConditionalAndIdempotent() async throws {
        try await LocalDynamoHarness.withClient { client in
            let store = store(client)
            let job = record()
            try await store.create(job)
            let now = created.addingTimeInterval(10)
            guard case .requested(let first) = try await store.requestCancel(job.jobID, at: now) else {
                Issue.record("cancel of a queued job was not requested")
                return
            }
            #expect(first.status == .cancelling)
            guard case .requested = try await store.requestCancel(job.jobID, at: now) else {
                Issue.record("a second cancel was not idempotent")
                return
            }
            // The worker sees the request through the status it gets back, then ends the job.
            #expect(try await store.markRunning(job.jobID, at: now) == .cancelling)
            #expect(try await store.updateProgress(job.jobID, JobProgress(phase: .querying), at: now) == .cancelling)
            #expect(
                try await store.finish(job.jobID, status: .cancelled, result: nil, error: nil, at: now) == .cancelled)
            guard case .alreadyFinal(let final) = try await store.requestCancel(job.jobID, at: now) else {
                Issue.record("cancel of a finished job was not refused")
                return
            }
            #expect(final.status == .cancelled)
            #expect(try await store.requestCancel("unknown", at: now) == .notFound)
        }
    }

    @Test func cancelPastTheDeadlineLeavesTheJobAlone() async throws {
        try await LocalDynamoHarness.withClient { client in
            let store = store(client)
            let job = record()
            try await store.create(job)
            let late = job.deadlineAt.addingTimeInterval(1)
            guard case .alreadyFinal(let stored) = try await store.requestCancel(job.jobID, at: late) else {
                Issue.record("cancel past the deadline was applied")
                return
            }
            #expect(stored.status == .queued)
            #expect(stored.effectiveStatus(at: late) == .timedOut)
        }
    }

    @Test func concurrentTransitionsHaveOneWinner() async throws {
        try await LocalDynamoHarness.withClient { client in
            let store = store(client)
            let job = record(status: .running)
            try await store.create(job)
            let now = created.addingTimeInterval(1)
            let outcomes = await withTaskGroup(of: JobStatus?.self) { group in
                for index in 0..<10 {
                    let status: JobStatus = index.isMultiple(of: 2) ? .complete : .error
                    group.addTask {
                        try? await store.finish(job.jobID, status: status, result: nil, error: nil, at: now)
                    }
                }
                var all: [JobStatus?] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            let stored = try #require(try await store.get(job.jobID))
            #expect(outcomes.allSatisfy { $0 == stored.status })
        }
    }

    @Test func unreachableStorageIsUnavailable() async throws {
        let configuration = try AWSConfiguration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:9",
        ])
        var noRetries = configuration
        noRetries.retryPolicy = RetryPolicy(maxAttempts: 1)
        let store = DynamoJobStore(
            client: DynamoDBClient(configuration: noRetries, http: try HTTPClient()), table: "jobs")
        await #expect(throws: JobStoreError.self) { try await store.get("x") }
    }
}
