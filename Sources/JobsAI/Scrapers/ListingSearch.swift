import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The result of searching every board for every query.
public struct SearchOutcome: Sendable {
    /// Unique listings, first found first (descriptions filled in deep mode).
    public var listings: [JobListing]
    /// Results pages requested, all boards.
    public var pagesFetched: Int
    /// Detail pages requested.
    public var detailPagesFetched: Int
    /// Listings dropped as duplicates.
    public var duplicatesDropped: Int
    /// What went wrong along the way.
    public var problems: [ScrapeProblem]
    /// Why the search stopped before its last query; nil when every query was searched.
    public var stop: SearchStop?
}

/// How far a search has got, reported after each query and each detail page.
public struct SearchProgress: Sendable, Hashable {
    /// Queries whose results pages have been read.
    public var queriesDone: Int
    /// Unique listings found so far.
    public var listingsFound: Int
    /// Detail pages read so far (deep mode).
    public var detailPagesRead: Int
}

/// Searches the chosen boards for each query (boards in parallel, queries in turn), de-duplicates across
/// boards and queries, then in deep mode reads each unique listing's own page once.
public struct ListingSearch: Sendable {
    private let boards: [any JobBoard]
    private let limits: ScrapeLimits
    private let clock: any WallClock

    public init(boards: [any JobBoard], limits: ScrapeLimits = ScrapeLimits(), clock: any WallClock) {
        self.boards = boards
        self.limits = limits
        self.clock = clock
    }

    /// Runs the search; `progress` is called after each query and each detail page (it may throw to stop).
    public func run(
        queries: [String], boards names: [JobBoardName], deepMode: Bool,
        progress: @escaping @Sendable (SearchProgress) async throws -> Void = { _ in }
    ) async throws -> SearchOutcome {
        let deadline = clock.date.addingTimeInterval(limits.timeBudget)
        let chosen = boards.filter { names.contains($0.name) }
        var outcome = SearchOutcome(
            listings: [], pagesFetched: 0, detailPagesFetched: 0, duplicatesDropped: 0, problems: [])
        var deduplicator = ListingDeduplicator()
        var queriesDone = 0
        for query in queries {
            try Task.checkCancellation()
            if outcome.listings.count >= limits.maxListings {
                outcome.stop = SearchStop(
                    reason: .listingCap, queriesDone: queriesDone, queriesTotal: queries.count,
                    limit: limits.maxListings)
                break
            }
            guard clock.date < deadline else {
                outcome.stop = SearchStop(
                    reason: .timeBudget, queriesDone: queriesDone, queriesTotal: queries.count,
                    limit: Int(limits.timeBudget))
                break
            }
            let perBoard = try await withThrowingTaskGroup(of: (Int, BoardResults).self) { group in
                for (index, board) in chosen.enumerated() {
                    group.addTask { (index, try await board.search(query: query, limits: limits, deadline: deadline)) }
                }
                var collected: [(Int, BoardResults)] = []
                for try await result in group { collected.append(result) }
                return collected.sorted { $0.0 < $1.0 }.map(\.1)
            }
            collect: for results in perBoard {
                outcome.pagesFetched += results.pagesFetched
                outcome.problems += results.problems
                for listing in results.listings {
                    guard deduplicator.insert(listing) else {
                        outcome.duplicatesDropped += 1
                        continue
                    }
                    outcome.listings.append(listing)
                    if outcome.listings.count >= limits.maxListings { break collect }
                }
            }
            queriesDone += 1
            try await progress(
                SearchProgress(queriesDone: queriesDone, listingsFound: outcome.listings.count, detailPagesRead: 0))
        }
        if deepMode {
            let done = SearchProgress(
                queriesDone: queriesDone, listingsFound: outcome.listings.count, detailPagesRead: 0)
            try await readDetails(into: &outcome, boards: chosen, deadline: deadline, start: done, progress: progress)
        }
        return outcome
    }

    /// One task per board, each reading its own listings' pages in order (politeness is per host).
    private func readDetails(
        into outcome: inout SearchOutcome, boards: [any JobBoard], deadline: Date, start: SearchProgress,
        progress: @escaping @Sendable (SearchProgress) async throws -> Void
    ) async throws {
        let budget = Array(outcome.listings.indices.prefix(limits.maxDetailPages))
        let listings = outcome.listings
        let clock = self.clock
        let counter = DetailCounter(start: start)
        let updates = try await withThrowingTaskGroup(of: [(Int, JobListing?, ScrapeProblem?)].self) { group in
            for board in boards {
                let mine = budget.filter { listings[$0].board == board.name }
                group.addTask {
                    var results: [(Int, JobListing?, ScrapeProblem?)] = []
                    for index in mine {
                        try Task.checkCancellation()
                        guard clock.date < deadline else {
                            results.append((index, nil, .timeBudgetSpent(board: board.name)))
                            break
                        }
                        let listing = listings[index]
                        do {
                            results.append((index, try await board.readDetails(of: listing), nil))
                        } catch is CancellationError {
                            throw CancellationError()
                        } catch DetailError.httpStatus(let status) {
                            results.append(
                                (index, nil, .httpStatus(board: board.name, url: listing.url, status: status)))
                        } catch DetailError.unparseable(let reason) {
                            results.append(
                                (index, nil, .unparseable(board: board.name, url: listing.url, reason: reason)))
                        } catch DetailError.tooLarge(let limit) {
                            results.append(
                                (index, nil, .oversized(board: board.name, url: listing.url, limit: limit)))
                        } catch {
                            results.append(
                                (index, nil, .transport(board: board.name, url: listing.url, message: "\(error)")))
                        }
                        try await progress(await counter.increment())
                    }
                    return results
                }
            }
            var all: [(Int, JobListing?, ScrapeProblem?)] = []
            for try await results in group { all += results }
            return all.sorted { $0.0 < $1.0 }
        }
        var skipped = Set<Int>()
        for (index, listing, problem) in updates {
            if let listing { outcome.listings[index] = listing }
            if let problem { outcome.problems.append(problem) }
            if case .oversized? = problem { skipped.insert(index) }
            if case .timeBudgetSpent? = problem {} else { outcome.detailPagesFetched += 1 }
        }
        // An ad too large to read is not one to score or write to: it is dropped, and named in the problems.
        outcome.listings = outcome.listings.enumerated().filter { !skipped.contains($0.offset) }.map(\.element)
    }
}

/// Counts detail pages read by the per-board tasks, for progress reports.
private actor DetailCounter {
    private var current: SearchProgress

    init(start: SearchProgress) { current = start }

    func increment() -> SearchProgress {
        current.detailPagesRead += 1
        return current
    }
}
