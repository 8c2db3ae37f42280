import BuildingBlocks
import Testing

/// The one retry policy: waits, the server's hint, and the loop every client runs.
@Suite struct RetryPolicyTests {
    @Test func exponentialBackoffDoublesUpToTheCapWithFullJitter() {
        let policy = RetryPolicy(
            maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1), random: { 0.999_999 })
        #expect(policy.delay(beforeRetry: 1) < .milliseconds(101))
        #expect(policy.delay(beforeRetry: 3) > .milliseconds(399))
        #expect(policy.delay(beforeRetry: 9) <= .seconds(1))
        #expect(RetryPolicy(random: { 0 }).delay(beforeRetry: 5) == .zero)
    }

    @Test func linearBackoffWithoutJitterWaitsTheCeiling() {
        let policy = RetryPolicy(
            maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .seconds(30), growth: .linear, random: nil)
        #expect(policy.delay(beforeRetry: 1) == .seconds(1))
        #expect(policy.delay(beforeRetry: 3) == .seconds(3))
        #expect(policy.delay(beforeRetry: 40) == .seconds(30))
    }

    @Test func retryAfterSecondsWinUpToTheCap() {
        let policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(30), random: nil)
        #expect(policy.delay(beforeRetry: 1, retryAfter: " 7 ") == .seconds(7))
        #expect(policy.delay(beforeRetry: 1, retryAfter: "120") == .seconds(30))
        #expect(policy.delay(beforeRetry: 2, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT") == .seconds(2))
        #expect(policy.delay(beforeRetry: 2, retryAfter: "-1") == .seconds(2))
    }

    struct Failure: Error, Equatable { let attempt: Int }

    @Test func theLoopRetriesUntilItFinishesAndSleepsBetweenAttempts() async throws {
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: .seconds(1), random: nil)
        var slept: [Duration] = []
        let value = try await policy.run { (delay: Duration) throws(Failure) in
            slept.append(delay)
        } _: { (attempt: Int) throws(Failure) -> RetryPolicy.Decision<Int, Failure> in
            guard attempt < 3 else { return .finish(.success(attempt)) }
            return .retry(.failure(Failure(attempt: attempt)), retryAfter: attempt == 2 ? "4" : nil)
        }
        #expect(value == 3)
        #expect(slept == [.seconds(1), .seconds(4)])
    }

    @Test func theLastRetryableOutcomeStandsWhenAttemptsRunOut() async throws {
        let policy = RetryPolicy(maxAttempts: 2, random: nil)
        var attempts = 0
        await #expect(throws: Failure(attempt: 2)) {
            try await policy.run { (_: Duration) throws(Failure) in
            } _: { (attempt: Int) throws(Failure) -> RetryPolicy.Decision<Int, Failure> in
                attempts += 1
                return .retry(.failure(Failure(attempt: attempt)))
            }
        }
        #expect(attempts == 2)
        let kept = try await policy.run { (_: Duration) throws(Failure) in
        } _: { (attempt: Int) throws(Failure) -> RetryPolicy.Decision<String, Failure> in
            .retry(.success("still 503 on attempt \(attempt)"))
        }
        #expect(kept == "still 503 on attempt 2")
    }

    @Test func aFinalFailureIsNotRetried() async {
        var attempts = 0
        await #expect(throws: Failure(attempt: 1)) {
            try await RetryPolicy(maxAttempts: 5).run { (_: Duration) throws(Failure) in
            } _: { (attempt: Int) throws(Failure) -> RetryPolicy.Decision<Int, Failure> in
                attempts += 1
                return .finish(.failure(Failure(attempt: attempt)))
            }
        }
        #expect(attempts == 1)
    }
}
