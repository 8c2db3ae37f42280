import Yams

/// Typed reads of template nodes through the intrinsic resolver; every failure names the path at fault.
struct TemplateReader {
    let resolver: IntrinsicResolver

    /// The members of a mapping, refusing keys outside `known` (the emulator must not silently ignore them).
    func mapping(_ node: Node, path: String, known: Set<String>) throws(TemplateError) -> [String: Node] {
        guard let mapping = node.mapping else { throw .invalidValue(path: path, expected: "a mapping") }
        var members: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw .invalidValue(path: path, expected: "string keys") }
            guard known.contains(name) else {
                throw .unsupported(path: "\(path).\(name)", reason: "unknown or unsupported property")
            }
            members[name] = value
        }
        return members
    }

    /// `mapping(_:path:known:)` of an optional node; empty when absent.
    func mapping(ifPresent node: Node?, path: String, known: Set<String>) throws(TemplateError) -> [String: Node] {
        guard let node else { return [:] }
        return try mapping(node, path: path, known: known)
    }

    func string(_ node: Node, path: String) throws(TemplateError) -> String {
        try resolver.string(node, path: path)
    }

    func integer(_ node: Node, path: String, range: ClosedRange<Int> = 0...Int.max) throws(TemplateError) -> Int {
        guard let value = Int(try string(node, path: path)), range.contains(value) else {
            throw .invalidValue(path: path, expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    func boolean(_ node: Node, path: String) throws(TemplateError) -> Bool {
        switch try string(node, path: path).lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalidValue(path: path, expected: "true or false")
        }
    }

    /// `fields[name]` as a string, nil when absent; the path is `path.name`.
    func optionalString(_ fields: [String: Node], _ name: String, path: String) throws(TemplateError) -> String? {
        guard let node = fields[name] else { return nil }
        return try string(node, path: "\(path).\(name)")
    }

    /// `fields[name]` as a list of strings, empty when absent.
    func optionalStrings(_ fields: [String: Node], _ name: String, path: String) throws(TemplateError) -> [String] {
        guard let node = fields[name] else { return [] }
        return try strings(node, path: "\(path).\(name)")
    }

    /// `fields[name]` as an integer in `range`, nil when absent.
    func optionalInteger(_ fields: [String: Node], _ name: String, path: String, range: ClosedRange<Int> = 0...Int.max)
        throws(TemplateError) -> Int?
    {
        guard let node = fields[name] else { return nil }
        return try integer(node, path: "\(path).\(name)", range: range)
    }

    /// `fields[name]` as a boolean, nil when absent.
    func optionalBoolean(_ fields: [String: Node], _ name: String, path: String) throws(TemplateError) -> Bool? {
        guard let node = fields[name] else { return nil }
        return try boolean(node, path: "\(path).\(name)")
    }

    /// A list of strings (each item may be an intrinsic).
    func strings(_ node: Node, path: String) throws(TemplateError) -> [String] {
        try list(node, path: path) { item, itemPath throws(TemplateError) in try string(item, path: itemPath) }
    }

    /// Each item of a sequence read by `read`, with `path[i]` as its path.
    func list<T>(_ node: Node, path: String, _ read: (Node, String) throws(TemplateError) -> T)
        throws(TemplateError) -> [T]
    {
        guard let items = node.sequence else { throw .invalidValue(path: path, expected: "a list") }
        var values: [T] = []
        for (index, item) in items.enumerated() { values.append(try read(item, "\(path)[\(index)]")) }
        return values
    }
}
