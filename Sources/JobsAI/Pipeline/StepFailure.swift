/// A pipeline step that failed, with its cause in words a person understands.
public struct StepFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step.
    public let phase: JobPhase
    /// What went wrong, as a sentence.
    public let cause: String

    public init(_ phase: JobPhase, _ cause: String) {
        self.phase = phase
        self.cause = cause
    }

    /// `Step 3 of 6 (searching the job boards) failed: ...`.
    public var description: String {
        "Step \(phase.step) of \(JobPhase.stepCount) (\(phase.stepName)) failed: \(cause)"
    }
}

extension JobPhase {
    /// The step's name inside a sentence.
    public var stepName: String {
        switch self {
        case .profiling: return "building your profile"
        case .querying: return "choosing search queries"
        case .searching: return "searching the job boards"
        case .scoring: return "scoring the jobs"
        case .planning: return "planning the letters"
        case .writing: return "writing the letters"
        }
    }
}

/// Runs one step: interruptions and cancellation pass through untouched; anything else becomes a
/// `StepFailure` naming the step.
func runStep<T>(_ phase: JobPhase, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let interruption as JobInterruption {
        throw interruption
    } catch is CancellationError {
        throw CancellationError()
    } catch let failure as StepFailure {
        throw failure
    } catch {
        throw StepFailure(phase, PlainWords.describe(error))
    }
}

/// Turns errors into sentences without type names or stack traces.
enum PlainWords {
    static func describe(_ error: any Error) -> String {
        var text = String(describing: error)
        if text.isEmpty { text = "an unexpected error" }
        return text.hasSuffix(".") ? text : text + "."
    }
}
