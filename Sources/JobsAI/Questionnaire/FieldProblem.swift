/// One thing wrong with a submitted questionnaire: the field's path (`general.job-level`,
/// `languages.text-field1-2-slider`, `general[3]`) and a message a person can act on.
public struct FieldProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
