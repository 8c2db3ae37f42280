/// A JSON decoding failure in a few words (the field at fault and what was wrong), for the re-ask a model gets
/// and for error messages, instead of `DecodingError`'s full debug text.
enum DecodingProblem {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .keyNotFound(let key, let context):
            return "\"\(path(context.codingPath + [key]))\" is missing"
        case .typeMismatch(let type, let context):
            return "\"\(path(context.codingPath))\" is not \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\"\(path(context.codingPath))\" is null, not \(typeName(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid JSON" : "\"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    /// `choices[0].message`.
    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is [String].Type: return "an array of strings"
        default: return "a \(type)"
        }
    }
}
