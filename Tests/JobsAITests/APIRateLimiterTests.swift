import AWSClients
import CurlHTTP
import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

/// The fixed-window limiters, in memory and over LocalDynamo, driven by explicit instants.
@Suite struct APIRateLimiterTests {
    /// 08:00:00 UTC, the start of an hour window.
    let windowStart = Date(timeIntervalSince1970: 1_800_000_000)

    private func decisions(_ limiter: any RateLimiting, _ count: Int, ip: String, at now: Date) async -> [Bool] {
        var results: [Bool] = []
        for _ in 0..<count {
            guard case .decided(let decision) = await limiter.admit(ip, at: now) else { return results }
            results.append(decision.allowed)
        }
        return results
    }

    @Test func windowsAlignToMultiplesOfTheirLength() {
        let window = RateLimitWindow(limit: 5, seconds: 3600)
        #expect(window.start(at: windowStart.addingTimeInterval(3599)) == 1_800_000_000)
        #expect(window.start(at: windowStart.addingTimeInterval(3600)) == 1_800_003_600)
    }

    @Test func inMemoryLimiterAdmitsTheLimitPerWindowAndAddress() async {
        let limiter = InMemoryRateLimiter(RateLimitWindow(limit: 3, seconds: 60))
        let now = windowStart.addingTimeInterval(10)
        #expect(await decisions(limiter, 4, ip: "a", at: now) == [true, true, true, false])
        #expect(await decisions(limiter, 1, ip: "b", at: now) == [true])
        #expect(await decisions(limiter, 1, ip: "a", at: windowStart.addingTimeInterval(60)) == [true])
    }

    @Test func decisionsCarryRemainingResetAndRetryAfter() async throws {
        let limiter = InMemoryRateLimiter(RateLimitWindow(limit: 2, seconds: 3600))
        let now = windowStart.addingTimeInterval(600)
        guard case .decided(let first) = await limiter.admit("a", at: now) else { throw Failure.notDecided }
        #expect(first.remaining == 1)
        #expect(first.headers["X-RateLimit-Reset"] == "1800003600")
        _ = await limiter.admit("a", at: now)
        guard case .decided(let denied) = await limiter.admit("a", at: now) else { throw Failure.notDecided }
        #expect(!denied.allowed && denied.remaining == 0)
        #expect(denied.retryAfter(from: now) == 3000)
    }

    @Test func dynamoLimiterCountsWithOneConditionalWritePerRequest() async throws {
        try await LocalDynamoHarness.withClient { client in
            let limiter = DynamoRateLimiter(
                client: client, table: LocalDynamoHarness.table, window: RateLimitWindow(limit: 5, seconds: 3600))
            let now = windowStart.addingTimeInterval(42)
            #expect(await decisions(limiter, 6, ip: "203.0.113.7", at: now) == [true, true, true, true, true, false])
            #expect(await decisions(limiter, 1, ip: "203.0.113.8", at: now) == [true])
            let item = try #require(
                try await client.getItem(
                    table: LocalDynamoHarness.table, key: ["job_id": .string("rate_limit#203.0.113.7")]))
            #expect(item["count_1800000000"] == .number("5"))
            #expect(item["ttl"] == .number("1800003900"))
            // The next window starts from zero and drops the previous window's counter.
            let next = windowStart.addingTimeInterval(3600)
            guard case .decided(let decision) = await limiter.admit("203.0.113.7", at: next) else {
                throw Failure.notDecided
            }
            #expect(decision.allowed && decision.remaining == 4)
            let after = try #require(
                try await client.getItem(
                    table: LocalDynamoHarness.table, key: ["job_id": .string("rate_limit#203.0.113.7")]))
            #expect(after["count_1800000000"] == nil)
        }
    }

    @Test func dynamoLimiterAdmitsExactlyTheLimitUnderConcurrency() async throws {
        try await LocalDynamoHarness.withClient { client in
            let limiter = DynamoRateLimiter(
                client: client, table: LocalDynamoHarness.table, window: RateLimitWindow(limit: 5, seconds: 3600))
            let now = windowStart
            let admitted = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        if case .decided(let decision) = await limiter.admit("198.51.100.4", at: now) {
                            return decision.allowed
                        }
                        return false
                    }
                }
                var count = 0
                for await allowed in group where allowed { count += 1 }
                return count
            }
            #expect(admitted == 5)
        }
    }

    @Test func dynamoLimiterFailsOpenWhenStorageIsDown() async throws {
        var configuration = try AWSConfiguration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:9",
        ])
        configuration.retryPolicy = .none
        let limiter = DynamoRateLimiter(
            client: DynamoDBClient(configuration: configuration, http: try HTTPClient()), table: "t",
            window: RateLimitWindow(limit: 5, seconds: 3600))
        guard case .failedOpen = await limiter.admit("a", at: windowStart) else {
            Issue.record("a storage failure did not fail open")
            return
        }
    }

    enum Failure: Error { case notDecided }
}
