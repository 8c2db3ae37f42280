import BuildingBlocks

/// Step 3: every query on every chosen board, de-duplicated, detail pages in deep mode only.
enum SearchingStep {
    static func run(
        queries: [SearchQuery], answers: Answers, boards: [any JobBoard], limits: ScrapeLimits, clock: any WallClock,
        progress: any PipelineProgress
    ) async throws -> SearchOutcome {
        let search = ListingSearch(boards: boards, limits: limits, clock: clock)
        let outcome = try await search.run(
            queries: queries.map(\.text), boards: answers.jobBoards, deepMode: answers.deepMode
        ) { step in
            await progress.update { counts in
                counts.queriesDone = step.queriesDone
                counts.listingsFound = step.listingsFound
            }
        }
        if let stop = outcome.stop { await progress.note(.searchStopped(stop)) }
        guard !outcome.listings.isEmpty else {
            throw StepFailure(.searching, noListingsMessage(outcome, queries: queries.count, boards: answers.jobBoards))
        }
        return outcome
    }

    /// Why nothing was found: what the boards answered, or that they had nothing for these searches.
    static func noListingsMessage(_ outcome: SearchOutcome, queries: Int, boards: [JobBoardName]) -> String {
        let names = boards.map(\.displayName).joined(separator: " and ")
        var reasons: [String] = []
        for problem in outcome.problems {
            let reason = describe(problem)
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        if reasons.isEmpty {
            return "\(names) had no job ads for any of your \(queries) searches. Try other levels or more skills."
        }
        return "no job ads were found on \(names) for your \(queries) searches: "
            + reasons.prefix(3).joined(separator: "; ") + "."
    }

    static func describe(_ problem: ScrapeProblem) -> String {
        switch problem {
        case .httpStatus(let board, _, 429):
            return "\(board.displayName) asked us to slow down (HTTP 429)"
        case .httpStatus(let board, _, let status):
            return "\(board.displayName) answered HTTP \(status)"
        case .transport(let board, _, let message):
            return "\(board.displayName) could not be reached (\(message))"
        case .blocked(let board, _):
            return "\(board.displayName) showed a bot check instead of results"
        case .unparseable(let board, _, let reason):
            return "\(board.displayName)'s pages could not be read (\(reason))"
        case .timeBudgetSpent(let board):
            return "the time for searching \(board.displayName) ran out"
        case .oversized(let board, _, let limit):
            return "a \(board.displayName) page was over \(limit / 1_000_000) MB and was skipped"
        }
    }
}

extension JobBoardName {
    /// The board's name as people write it.
    var displayName: String { rawValue }
}
