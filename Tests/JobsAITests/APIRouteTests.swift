import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

/// The routes over in-memory stores: status codes, bodies, headers and the job's life.
@Suite struct APIRouteTests {
    static let valid = APIValidationTests.payload()

    @Test func questionnaireIsServedAsData() async throws {
        let harness = APIHarness()
        let response = await harness.send("GET", "/api/questionnaire")
        #expect(response.status == 200)
        let sets = try #require(response.json["sets"] as? [[String: Any]])
        #expect(sets.count == 10)
        #expect(
            sets.map { $0["key"] as? String } == [
                "general", "languages", "databases", "cloud-development", "web-frameworks", "dev-ides", "llms",
                "doc-and-collab", "operating-systems", "additional-info",
            ])
        let technologies = sets.dropFirst().dropLast().map { ($0["technologies"] as? [Any])?.count ?? 0 }
        #expect(technologies == [42, 30, 42, 28, 27, 17, 25, 15])
        let questions = try #require(sets[0]["questions"] as? [[String: Any]])
        #expect(questions.first?["adjacent_only"] as? Bool == true)
        #expect(questions.first?["default"] as? [String] == ["Expert-level"])
        #expect(
            sets.map { $0["short_title"] as? String } == [
                "General", "Languages", "Databases", "Cloud", "Web frameworks", "IDEs", "LLMs", "Collaboration",
                "Operating systems", "Description",
            ])
        #expect((response.json["about_you"] as? [String: Any])?["short_title"] as? String == "About you")
        #expect((response.json["about_you"] as? [String: Any])?["key"] as? String == "about-you")
        #expect((response.json["limits"] as? [String: Any])?["max_body_bytes"] as? Int == 65_536)
    }

    @Test func startCreatesAQueuedJobAndInvokesTheWorker() async throws {
        let harness = APIHarness()
        let response = await harness.send("POST", "/api/start", body: Self.valid)
        #expect(response.status == 202)
        #expect(response.json["job_id"] as? String == APIHarness.firstID)
        #expect(response.headers["Location"] == "/api/progress/\(APIHarness.firstID)")
        #expect(response.headers["X-RateLimit-Limit"] == "5")
        #expect(response.headers["X-RateLimit-Remaining"] == "4")
        #expect(response.headers["X-RateLimit-Reset"] == "1800003600")
        let record = try #require(try await harness.store.get(APIHarness.firstID))
        #expect(record.status == .queued)
        #expect(record.deadlineAt == harness.clock.date.addingTimeInterval(900))
        #expect(record.expiresAt == harness.clock.date.addingTimeInterval(86_400))
        let events = await harness.worker.events
        #expect(events.map(\.jobID) == [APIHarness.firstID])
        #expect(try Answers.read(try #require(events.first).answers).coverLetterCount == 1)
    }

    @Test func startRefusesBadBodiesWithTheRightStatus() async throws {
        let harness = APIHarness(configuration: APIConfiguration(rateLimitRequests: 100))
        #expect(await harness.send("POST", "/api/start").status == 400)
        #expect(await harness.send("POST", "/api/start", body: "{not json").status == 400)
        let big = await harness.send("POST", "/api/start", body: String(repeating: " ", count: 65_537))
        #expect(big.status == 413)
        for type in ["text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "application/jsonx"] {
            let simple = await harness.send("POST", "/api/start", body: Self.valid, headers: ["Content-Type": type])
            #expect(simple.status == 400)
        }
        let charset = await harness.send(
            "POST", "/api/start", body: Self.valid, headers: ["content-type": "Application/JSON; charset=utf-8"])
        #expect(charset.status == 202)
        let invalid = await harness.send(
            "POST", "/api/start",
            body: APIValidationTests.payload(general: APIValidationTests.general("cover-letter-num", "99")))
        #expect(invalid.status == 422)
        let errors = try #require(invalid.json["errors"] as? [[String: String]])
        #expect(errors.map { $0["field"] } == ["general.cover-letter-num"])
        #expect(invalid.headers["X-RateLimit-Remaining"] != nil)
        #expect(await harness.worker.events.count == 1)  // only the charset start
    }

    @Test func rateLimitCountsTheSourceAddressNotForwardedHeaders() async throws {
        let harness = APIHarness(
            configuration: APIConfiguration(allowedOrigins: ["https://jobs.example"], rateLimitRequests: 2))
        for _ in 0..<2 {
            #expect(await harness.send("POST", "/api/start", body: Self.valid).status == 202)
        }
        let spoofed = await harness.send(
            "POST", "/api/start", body: Self.valid,
            headers: ["X-Forwarded-For": "198.51.100.1", "X-Real-IP": "198.51.100.2", "Origin": "https://jobs.example"])
        #expect(spoofed.status == 429)
        #expect(spoofed.headers["Retry-After"] == "3600")
        #expect(spoofed.headers["X-RateLimit-Remaining"] == "0")
        #expect(spoofed.headers["Access-Control-Allow-Origin"] == "https://jobs.example")
        #expect(await harness.send("POST", "/api/start", body: Self.valid, ip: "198.51.100.9").status == 202)
        harness.clock.advance(seconds: 3600)
        #expect(await harness.send("POST", "/api/start", body: Self.valid).status == 202)
    }

    @Test func limiterStorageFailureLetsTheRequestThroughAndIsLogged() async throws {
        let harness = APIHarness(limiter: BrokenLimiter())
        let response = await harness.send("POST", "/api/start", body: Self.valid)
        #expect(response.status == 202)
        #expect(response.headers["X-RateLimit-Limit"] == nil)
        #expect(harness.logs.all.contains { $0.message == "rate limiter failed open" })
    }

    @Test func workerFailureMarksTheJobErrorAndAnswers503() async throws {
        let harness = APIHarness(worker: RecordingWorker(failing: "connection refused"))
        let response = await harness.send("POST", "/api/start", body: Self.valid)
        #expect(response.status == 503)
        #expect((response.json["message"] as? String)?.contains("could not be started") == true)
        #expect(try await harness.store.get(APIHarness.firstID)?.status == .error)
    }

    @Test func storageFailureAnswers503Everywhere() async throws {
        let harness = APIHarness(jobStore: UnavailableStore())
        #expect(await harness.send("POST", "/api/start", body: Self.valid).status == 503)
        let id = APIHarness.firstID
        #expect(await harness.send("GET", "/api/progress/\(id)").status == 503)
        #expect(await harness.send("GET", "/api/download/\(id)").status == 503)
        #expect(await harness.send("POST", "/api/cancel/\(id)").status == 503)
    }

    @Test func progressReportsStepCountsAndNeverStorageKeys() async throws {
        let harness = APIHarness()
        _ = await harness.send("POST", "/api/start", body: Self.valid)
        let id = APIHarness.firstID
        var response = await harness.send("GET", "/api/progress/\(id)")
        #expect(response.status == 200)
        #expect(response.json["status"] as? String == "queued")
        #expect(response.json["step"] as? Int == 0)
        #expect(response.json["step_count"] as? Int == 6)
        #expect(response.json["created_at"] as? String == "2027-01-15T08:00:00.000Z")
        #expect(response.json["deadline_at"] as? String == "2027-01-15T08:15:00.000Z")
        _ = try await harness.store.markRunning(id, at: harness.clock.date)
        #expect(response.json["profile_summary"] == nil && response.json["search_stop"] == nil)
        let counts = JobCounts(queriesDone: 3, queriesTotal: 8, listingsFound: 40)
        let stop = SearchStop(reason: .listingCap, queriesDone: 3, queriesTotal: 8, limit: 40)
        let summary = try PipelineFixtures.summary()
        _ = try await harness.store.updateProgress(
            id, JobProgress(phase: .scoring, counts: counts, profileSummary: summary, searchStop: stop),
            at: harness.clock.date)
        response = await harness.send("GET", "/api/progress/\(id)")
        #expect(response.json["step"] as? Int == 4)
        #expect(response.json["phase"] as? String == "scoring")
        #expect((response.json["counts"] as? [String: Int])?["listings_found"] == 40)
        // What was understood and why the search stopped early show while the job runs.
        let understood = (response.json["profile_summary"] as? [String: Any])?["understood"] as? [String]
        #expect(understood == summary.understood && understood?.contains("Helsinki or remote") == true)
        let stopped = try #require(response.json["search_stop"] as? [String: Any])
        #expect(stopped["reason"] as? String == "listing_cap")
        #expect(stopped["queries_done"] as? Int == 3 && stopped["queries_total"] as? Int == 8)
        #expect(stopped["limit"] as? Int == 40)
        #expect(
            stopped["message"] as? String
                == "The search stopped after 3 of its 8 queries: it had found 40 job ads, as many as one search scores."
        )
        _ = try await harness.store.finish(
            id, status: .complete, result: try Self.result(id), error: nil, at: harness.clock.date)
        response = await harness.send("GET", "/api/progress/\(id)")
        #expect(response.json["status"] as? String == "complete")
        #expect(response.json["letters"] as? [String] == ["acme-developer-cover-letter.docx"])
        let jobs = try #require(response.json["jobs"] as? [[String: Any]])
        #expect(jobs.first?["matched_skills"] as? [String] == ["Swift", "SQL"])
        #expect(response.json["search_stop"] != nil && response.json["profile_summary"] != nil)
        let breakdown = try #require(jobs.first?["score_breakdown"] as? [String: Any])
        let parts = try #require(breakdown["parts"] as? [[String: Any]])
        #expect(parts.first?["kind"] as? String == "skills" && parts.first?["max_points"] as? Int != nil)
        #expect(breakdown["missing_required"] as? [String] != nil)
        let letter = try #require(jobs.first?["letter_preview"] as? [String: Any])
        #expect(letter["salutation"] as? String == "Dear Acme team,")
        #expect(letter["paragraphs"] as? [String] == ["I would like to build your apps."])
        #expect(!String(decoding: response.body, as: UTF8.self).contains("documents/"))
    }

    @Test func aLiveJobPastItsDeadlineReadsTimedOut() async throws {
        let harness = APIHarness()
        let job = try await harness.storeJob(.running)
        harness.clock.advance(seconds: 901)
        let response = await harness.send("GET", "/api/progress/\(job.jobID)")
        #expect(response.json["status"] as? String == "timed_out")
        #expect(response.json["error"] as? String != nil)
        #expect(await harness.send("POST", "/api/cancel/\(job.jobID)").status == 409)
        #expect(try await harness.store.get(job.jobID)?.status == .running)
    }

    @Test func unknownAndMalformedIDsAre404() async throws {
        let harness = APIHarness()
        for path in ["/api/progress/", "/api/download/", "/api/cancel/"] {
            let method = path.contains("cancel") ? "POST" : "GET"
            #expect(await harness.send(method, path + "00000000-0000-4000-8000-00000000ffff").status == 404)
            #expect(await harness.send(method, path + "..%2F..%2Fetc").status == 404)
        }
        #expect(await harness.send("GET", "/api/nothing").status == 404)
        let wrongMethod = await harness.send("GET", "/api/start")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"] == "POST, OPTIONS")
    }

    @Test func cancelIsConditionalAndIdempotent() async throws {
        let harness = APIHarness()
        _ = await harness.send("POST", "/api/start", body: Self.valid)
        let id = APIHarness.firstID
        for _ in 0..<2 {
            let response = await harness.send("POST", "/api/cancel/\(id)")
            #expect(response.status == 202)
            #expect(response.json["status"] as? String == "cancelling")
        }
        _ = try await harness.store.finish(id, status: .cancelled, result: nil, error: nil, at: harness.clock.date)
        let finished = await harness.send("POST", "/api/cancel/\(id)")
        #expect(finished.status == 409)
        #expect(try await harness.store.get(id)?.status == .cancelled)
        let complete = try await harness.storeJob(.complete)
        #expect(await harness.send("POST", "/api/cancel/\(complete.jobID)").status == 409)
        #expect(try await harness.store.get(complete.jobID)?.status == .complete)
    }

    @Test func downloadSignsEveryLetterAndTheBundle() async throws {
        let harness = APIHarness()
        let id = "00000000-0000-4000-8000-0000000000aa"
        let running = await harness.send("GET", "/api/download/\(id)")
        #expect(running.status == 404)
        _ = try await harness.storeJob(.complete, id: id, result: try Self.result(id))
        let response = await harness.send("GET", "/api/download/\(id)")
        #expect(response.status == 200)
        #expect(response.json["expires_in"] as? Int == 3600)
        let letters = try #require(response.json["letters"] as? [[String: String]])
        #expect(letters.first?["file_name"] == "acme-developer-cover-letter.docx")
        #expect(
            letters.first?["url"] == "https://signed.test/documents/\(id)/acme-developer-cover-letter.docx?expires=3600"
        )
        #expect((response.json["bundle"] as? [String: String])?["file_name"] == "cover-letters.zip")
        let one = await harness.send("GET", "/api/download/\(id)", query: ["index": "1"])
        #expect(one.status == 200)
        #expect(one.json["file_name"] as? String == "acme-developer-cover-letter.docx")
        #expect(await harness.send("GET", "/api/download/\(id)", query: ["index": "2"]).status == 404)
        #expect(await harness.send("GET", "/api/download/\(id)", query: ["index": "x"]).status == 400)
        #expect(await harness.send("GET", "/api/download/\(id)", query: ["index": "0"]).status == 400)
    }

    @Test func downloadOfAnUnfinishedJobIs409() async throws {
        let harness = APIHarness()
        let job = try await harness.storeJob(.running)
        #expect(await harness.send("GET", "/api/download/\(job.jobID)").status == 409)
    }

    @Test func healthReportsEachDependency() async throws {
        let healthy = await APIHarness().send("GET", "/api/health")
        #expect(healthy.status == 200)
        #expect(healthy.json["status"] as? String == "ok")
        #expect(healthy.json["checks"] as? [String: String] == ["dynamodb": "ok", "s3": "ok"])
        let sick = await APIHarness(health: FixedHealth(failures: ["dynamodb": nil, "s3": "NoSuchBucket"]))
            .send("GET", "/api/health")
        #expect(sick.status == 503)
        #expect(sick.json["checks"] as? [String: String] == ["dynamodb": "ok", "s3": "unavailable"])
    }

    @Test func corsEchoesListedOriginsOnlyAndAnswersPreflight() async throws {
        let harness = APIHarness()
        let allowed = await harness.send("GET", "/api/health", headers: ["Origin": "https://jobs.example"])
        #expect(allowed.headers["Access-Control-Allow-Origin"] == "https://jobs.example")
        #expect(allowed.headers["Access-Control-Allow-Credentials"] == nil)
        let foreign = await harness.send("GET", "/api/health", headers: ["Origin": "https://evil.example"])
        #expect(foreign.headers["Access-Control-Allow-Origin"] == nil)
        let preflight = await harness.send(
            "OPTIONS", "/api/start",
            headers: ["Origin": "https://jobs.example", "Access-Control-Request-Method": "POST"])
        #expect(preflight.status == 204)
        #expect(preflight.headers["Access-Control-Allow-Methods"] == "POST, OPTIONS")
        let refused = await harness.send(
            "OPTIONS", "/api/start",
            headers: ["Origin": "https://evil.example", "Access-Control-Request-Method": "POST"])
        #expect(refused.status == 403)
        let anyOrigin = APIHarness(configuration: APIConfiguration(allowedOrigins: ["*"]))
        let wildcard = await anyOrigin.send("GET", "/api/health", headers: ["Origin": "https://a.example"])
        #expect(wildcard.headers["Access-Control-Allow-Origin"] == "*")
        let sameOrigin = APIHarness(configuration: APIConfiguration(allowedOrigins: []))
        let none = await sameOrigin.send("GET", "/api/health", headers: ["Origin": "https://a.example"])
        #expect(none.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func logsOneLinePerRequestWithIDsAndNoPersonalData() async throws {
        let harness = APIHarness()
        let body = APIValidationTests.payload(
            sets: #","about-you":[{"name":"Aino Virtanen"},{"email":"aino@example.com"}]"#)
        _ = await harness.send("POST", "/api/start", body: body)
        let lines = harness.logs.all.filter { $0.message == "HTTP request" }
        #expect(lines.count == 1)
        let metadata = try #require(lines.first?.metadata)
        #expect(metadata["job_id"] == .string(APIHarness.firstID))
        #expect(metadata["route"] == .string("/api/start"))
        #expect(metadata["request_id"] != nil)
        let text = harness.logs.all.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(!text.contains("Aino") && !text.contains("example.com") && !text.contains("203.0.113.7"))
    }

    @Test func contentDispositionFollowsRFC6266And5987() {
        #expect(
            ContentDisposition.attachment(fileName: "acme-developer-cover-letter.docx")
                == #"attachment; filename="acme-developer-cover-letter.docx"; filename*=UTF-8''acme-developer-cover-letter.docx"#
        )
        #expect(
            ContentDisposition.attachment(fileName: "Müller \"x\".docx")
                == #"attachment; filename="M_ller _x_.docx"; filename*=UTF-8''M%C3%BCller%20%22x%22.docx"#)
        #expect(ContentDisposition.contentType(for: "cover-letters.zip") == "application/zip")
        #expect(ContentDisposition.contentType(for: "a.docx") == ContentDisposition.docx)
    }

    @Test func configurationComesFromTheEnvironment() throws {
        let configuration = try APIConfiguration.fromEnvironment([
            "DYNAMODB_TABLE_NAME": "t", "S3_DOCUMENTS_BUCKET": "b", "WORKER_LAMBDA_FUNCTION_NAME": "w",
            "ALLOWED_ORIGINS": "https://a.example, https://b.example,", "RATE_LIMIT_REQUESTS": "7",
            "RATE_LIMIT_WINDOW_SECONDS": "60", "JOB_DEADLINE_SECONDS": "30", "JOB_TTL_SECONDS": "120",
        ])
        #expect(
            configuration
                == APIConfiguration(
                    tableName: "t", documentsBucket: "b", workerFunctionName: "w",
                    allowedOrigins: ["https://a.example", "https://b.example"], rateLimitRequests: 7,
                    rateLimitWindowSeconds: 60, jobDeadlineSeconds: 30, jobTTLSeconds: 120))
        #expect(try APIConfiguration.fromEnvironment([:]) == APIConfiguration())
        #expect(throws: APIConfiguration.Problem.self) {
            try APIConfiguration.fromEnvironment(["RATE_LIMIT_REQUESTS": "x"])
        }
    }

    static func result(_ id: String) throws -> JobResult {
        JobResult(
            jobs: [
                ChosenJob(
                    title: "Developer", company: "Acme", location: "Helsinki", score: 81, url: "https://example.com/1",
                    matchedSkills: ["Swift", "SQL"], letterFileName: "acme-developer-cover-letter.docx",
                    scoreBreakdown: try PipelineFixtures.explanation(),
                    letterPreview: LetterPreview(
                        salutation: "Dear Acme team,", paragraphs: ["I would like to build your apps."],
                        closing: "Kind regards,"))
            ],
            letters: [
                StoredDocument(
                    fileName: "acme-developer-cover-letter.docx",
                    key: "documents/\(id)/acme-developer-cover-letter.docx")
            ],
            bundle: StoredDocument(fileName: "cover-letters.zip", key: "documents/\(id)/cover-letters.zip"))
    }
}
