/// Typed reads of a `JSONValue`, for documents whose shape varies (JSON-LD blocks, event fields).
extension JSONValue {
    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// An object's member, or nil when this is no object or has no such member.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}
