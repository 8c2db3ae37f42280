import BuildingBlocks
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The six steps over typed data: profile, queries, search, score, plan, write. Reports progress through
/// `PipelineProgress`; a failing step throws a `StepFailure` naming it; cancellation passes through untouched.
public struct JobPipeline: Sendable {
    /// The boards to search (filtered by the person's choice).
    public var boards: [any JobBoard]
    /// Caps on pages, listings and time.
    public var limits: ScrapeLimits
    /// Writes the letters.
    public var writer: any Writer
    /// Stores the documents.
    public var documents: any DocumentStore
    /// Time for scoring (recency) and the letters' date.
    public var clock: any WallClock
    /// Where what was understood of the answers is logged (never the person's words or places).
    public var logger: Logger

    public init(
        boards: [any JobBoard], limits: ScrapeLimits = ScrapeLimits(), writer: any Writer,
        documents: any DocumentStore, clock: any WallClock, logger: Logger = Logger(label: "jobsai-pipeline")
    ) {
        self.boards = boards
        self.limits = limits
        self.writer = writer
        self.documents = documents
        self.clock = clock
        self.logger = logger
    }

    /// Runs every step for one job and returns what it produced.
    public func run(jobID: String, answers payload: PayloadValue, progress: any PipelineProgress) async throws
        -> JobResult
    {
        try await progress.begin(.profiling)
        let (answers, profile) = try await runStep(.profiling) { try ProfilingStep.run(payload) }

        try await progress.begin(.querying)
        let queries = try await runStep(.querying) { try QueryingStep.run(profile) }
        await progress.update { $0.queriesTotal = queries.count }
        let summary = ProfileSummary(profile: profile, queries: queries)
        await progress.note(.understood(summary))
        logger.info(
            "profile understood",
            metadata: summary.logMetadata.mapValues { .string($0) }.merging(["job_id": "\(jobID)"]) { $1 })

        try await progress.begin(.searching)
        let outcome = try await runStep(.searching) {
            try await SearchingStep.run(
                queries: queries, answers: answers, boards: boards, limits: limits, clock: clock, progress: progress)
        }

        try await progress.begin(.scoring)
        let ranked = try await runStep(.scoring) {
            try await ScoringStep.run(outcome.listings, profile: profile, now: clock.date, progress: progress)
        }

        try await progress.begin(.planning)
        let plans = try await runStep(.planning) { try PlanningStep.run(ranked, answers: answers, profile: profile) }
        await progress.update { $0.lettersTotal = plans.count }
        // The plans are the best-ranked listings in order, so their explanations are the ranking's first ones.
        let explanations = ranked.prefix(plans.count).map(ScoreExplanation.init)

        try await progress.begin(.writing)
        var result = try await runStep(.writing) {
            try await WritingStep.run(
                plans, explanations: explanations, answers: answers, jobID: jobID, writer: writer,
                uploader: LetterUploader(store: documents), date: clock.date, progress: progress)
        }
        result.profileSummary = summary
        return result
    }
}
