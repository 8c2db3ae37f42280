/// Why a payload could not be read as answers; `field` is the path at fault, e.g. `general -> job-level`.
public enum AnswersError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The payload is not a JSON object.
    case notJSONObject
    /// A required field is absent.
    case missingField(String)
    /// A field is present but unusable.
    case invalidValue(field: String, reason: String)
    /// A key that no question set or question has.
    case unknownField(String)

    /// The path of the field at fault (`body` for the payload as a whole).
    public var field: String {
        switch self {
        case .notJSONObject: return "body"
        case .missingField(let field), .unknownField(let field): return field
        case .invalidValue(let field, _): return field
        }
    }

    public var description: String {
        switch self {
        case .notJSONObject: return "body: the payload must be a JSON object"
        case .missingField(let field): return "\(field): missing"
        case .invalidValue(let field, let reason): return "\(field): \(reason)"
        case .unknownField(let field): return "\(field): not a known question"
        }
    }
}
