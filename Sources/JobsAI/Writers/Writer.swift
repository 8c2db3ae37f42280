/// Writes one cover letter from a plan. A plan carries no contact details, so no writer can leak them.
public protocol Writer: Sendable {
    /// A short name recorded in the letter (`offline`, a model name).
    var name: String { get }
    /// Writes the letter for one job.
    func write(_ plan: LetterPlan) async throws -> Letter
    /// Writes the letter again after `problems` were found in `previous` (by default, afresh).
    func revise(_ plan: LetterPlan, previous: Letter, problems: [String]) async throws -> Letter
}

extension Writer {
    public func revise(_ plan: LetterPlan, previous: Letter, problems: [String]) async throws -> Letter {
        try await write(plan)
    }
}
