import Foundation
import JobsAI

/// A board whose search announces itself and then waits until cancelled.
public struct BlockingBoard: JobBoard {
    public let name: JobBoardName
    let entered: AsyncStream<Void>.Continuation

    public init(name: JobBoardName, entered: AsyncStream<Void>.Continuation) {
        self.name = name
        self.entered = entered
    }

    public func search(query: String, limits: ScrapeLimits, deadline: Date) async throws -> BoardResults {
        entered.yield()
        try await Task.sleep(for: .seconds(3600))
        return BoardResults(listings: [], pagesFetched: 0, problems: [])
    }

    public func readDetails(of listing: JobListing) async throws -> JobListing { listing }
}

/// A writer that always fails.
public struct FailingWriter: Writer {
    /// The failure every write reports.
    public struct Broken: Error, CustomStringConvertible {
        public var description: String { "the model is offline" }
    }

    public init() {}

    public var name: String { "failing" }
    public func write(_ plan: LetterPlan) async throws -> Letter { throw Broken() }
}
