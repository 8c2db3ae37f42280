/// Environment variables read as settings, one way everywhere: surrounding spaces and tabs are ignored and a
/// blank value counts as unset.
public struct EnvironmentVariables: Sendable {
    /// The raw variables.
    public let values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The value without surrounding blanks; nil when unset or blank.
    public func text(_ name: String) -> String? {
        guard let value = values[name]?.trimmingWhitespaces(), !value.isEmpty else { return nil }
        return value
    }

    /// The first of `names` that is set, as `text` reads it.
    public func text(anyOf names: String...) -> String? {
        names.lazy.compactMap { text($0) }.first
    }

    /// A comma-separated list: items without surrounding blanks, empty items left out.
    public func list(_ name: String) -> [String] {
        guard let raw = text(name) else { return [] }
        return raw.split(separator: ",").map { $0.trimmingWhitespaces() }.filter { !$0.isEmpty }
    }
}
