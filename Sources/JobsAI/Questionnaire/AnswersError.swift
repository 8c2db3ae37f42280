/// Why a payload is not acceptable answers: every field at fault (not only the first) in a stable order, each
/// with a message a person can act on.
public struct AnswersError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, at least one.
    public let problems: [FieldProblem]

    public init(problems: [FieldProblem]) { self.problems = problems }

    /// One problem.
    init(_ field: String, _ message: String) { problems = [FieldProblem(field: field, message: message)] }

    /// The paths of the fields at fault, in order.
    public var fields: [String] { problems.map(\.field) }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
