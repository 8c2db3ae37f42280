import BuildingBlocks
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How politely a scraper fetches: a delay between requests to one host, and retries of 429/503.
public struct PolitenessPolicy: Sendable, Hashable {
    /// Seconds between two requests to the same host (detail pages included).
    public var delayPerHost: Double
    /// Attempts for a results page.
    public var searchAttempts: Int
    /// Attempts for a detail page.
    public var detailAttempts: Int
    /// The first backoff in seconds; attempt n waits n times this (or the server's Retry-After).
    public var backoffBase: Double
    /// The longest single wait honoured from a Retry-After header.
    public var maxBackoff: Double

    public init(
        delayPerHost: Double = 1, searchAttempts: Int = 3, detailAttempts: Int = 2, backoffBase: Double = 1,
        maxBackoff: Double = 30
    ) {
        self.delayPerHost = delayPerHost
        self.searchAttempts = searchAttempts
        self.detailAttempts = detailAttempts
        self.backoffBase = backoffBase
        self.maxBackoff = maxBackoff
    }

    /// Live sites: one second between requests to a host.
    public static let live = PolitenessPolicy()
    /// `attempts` tries, waiting `backoffBase` times the retry's number up to `maxBackoff` (or the server's
    /// Retry-After), no jitter.
    public func retryPolicy(attempts: Int) -> RetryPolicy {
        RetryPolicy(
            maxAttempts: attempts, baseDelay: .milliseconds(Int64(backoffBase * 1000)),
            maxDelay: .milliseconds(Int64(maxBackoff * 1000)), growth: .linear, random: nil)
    }

    /// Fixture boards on this machine: no delay, no backoff.
    public static let fixtures = PolitenessPolicy(delayPerHost: 0, backoffBase: 0)
}

/// Wraps a fetcher with per-host spacing and retries. An actor, so concurrent scrapers of one host
/// still queue behind each other: each caller reserves its slot before it waits.
public actor PoliteFetcher {
    private let fetcher: any PageFetcher
    /// The delays and attempts in force.
    public nonisolated let policy: PolitenessPolicy
    /// Tells the time for the per-host slots and waits for them and for retries.
    private let clock: any WallClock
    private var nextSlot: [String: Date] = [:]
    /// Requests sent, retries included.
    public private(set) var requestCount = 0

    public init(fetcher: any PageFetcher, policy: PolitenessPolicy, clock: any WallClock) {
        self.fetcher = fetcher
        self.policy = policy
        self.clock = clock
    }

    /// Fetches with up to `attempts` tries. Returns the last response even when it is still 429/503;
    /// throws the last transport error when no attempt got a response.
    public func fetch(_ request: PageRequest, attempts: Int) async throws -> PageResponse {
        let clock = self.clock
        return try await policy.retryPolicy(attempts: attempts).run { delay in
            try await clock.sleep(for: delay)
        } _: { _ -> RetryPolicy.Decision<PageResponse, any Error> in
            try Task.checkCancellation()
            try await waitForTurn(host: request.host)
            requestCount += 1
            do {
                let response = try await fetcher.fetch(request)
                guard response.status == 429 || response.status == 503 else { return .finish(.success(response)) }
                return .retry(.success(response), retryAfter: response.headers["retry-after"])
            } catch is CancellationError {
                throw CancellationError()
            } catch let error as PageFetchError {
                return .finish(.failure(error))  // the same page would be as large again
            } catch {
                return .retry(.failure(error))
            }
        }
    }

    private func waitForTurn(host: String) async throws {
        let now = clock.date
        let slot = max(now, nextSlot[host] ?? now)
        nextSlot[host] = slot.addingTimeInterval(policy.delayPerHost)
        let wait = slot.timeIntervalSince(now)
        if wait > 0 { try await clock.sleep(seconds: wait) }
    }
}
