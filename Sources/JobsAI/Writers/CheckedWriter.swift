/// A letter ready to store, with the writer that wrote it and, when the fallback wrote it, why.
public struct CheckedLetter: Sendable, Hashable {
    public let letter: Letter
    /// Why the primary writer's letter was not used; nil when it was.
    public let fallbackReason: String?
    /// How many times the primary writer was asked.
    public let attempts: Int
}

/// Enforces the letter rules for any writer before a letter is stored: a letter the linter rejects is
/// re-asked once with the violations listed, then written by the fallback (the offline writer). A failing
/// writer never fails the job; only cancellation passes through.
public struct CheckedWriter: Sendable {
    public let primary: any Writer
    public let fallback: any Writer

    public init(primary: any Writer, fallback: any Writer = OfflineWriter()) {
        self.primary = primary
        self.fallback = fallback
    }

    /// The letter for one plan.
    public func write(_ plan: LetterPlan) async throws -> CheckedLetter {
        let linter = LetterLinter(plan: plan)
        let reason: String
        var attempts = 1
        do {
            let first = Self.finished(try await primary.write(plan), plan: plan)
            let problems = linter.check(first)
            if problems.isEmpty || primary.name == fallback.name {
                return CheckedLetter(letter: first, fallbackReason: nil, attempts: attempts)
            }
            attempts += 1
            let second = Self.finished(
                try await primary.revise(plan, previous: first, problems: problems.map(\.description)), plan: plan)
            let remaining = linter.check(second)
            if remaining.isEmpty { return CheckedLetter(letter: second, fallbackReason: nil, attempts: attempts) }
            reason =
                "the letter broke the letter rules twice (" + remaining.map(\.rule.rawValue).joined(separator: ", ")
                + ")"
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            reason = PlainWords.describe(error)
        }
        let letter = Self.finished(try await fallback.write(plan), plan: plan)
        return CheckedLetter(letter: letter, fallbackReason: reason, attempts: attempts)
    }

    /// A letter with no name to sign ends without a sign-off line, whoever wrote it.
    static func finished(_ letter: Letter, plan: LetterPlan) -> Letter {
        guard !plan.signed, !letter.closing.isEmpty else { return letter }
        return Letter(
            company: letter.company, title: letter.title, salutation: letter.salutation,
            paragraphs: letter.paragraphs, closing: "", writer: letter.writer, language: letter.language)
    }
}
