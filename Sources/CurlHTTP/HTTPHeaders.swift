/// Ordered HTTP header fields: names keep their case, lookups ignore it, repeated names keep every value.
public struct HTTPHeaders: Sendable, Equatable, ExpressibleByArrayLiteral, RandomAccessCollection {
    /// One header field.
    public typealias Field = (name: String, value: String)

    private var fields: [Field]

    public init() { fields = [] }

    public init(_ fields: [(String, String)]) { self.fields = fields.map { (name: $0.0, value: $0.1) } }

    public init(arrayLiteral elements: (String, String)...) { self.init(elements) }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> Field { fields[position] }

    /// The first value of the header `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// Every value of the header `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Whether any field is named `name` (case-insensitive).
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    /// Replaces every field named `name` with one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: String) { fields.removeAll { Self.sameName($0.name, name) } }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// Compares ASCII names byte by byte (no allocation); anything else as lowercased strings.
    static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var (left, right) = (lhs, rhs)
        let asciiEqual: Bool? = left.withUTF8 { left in
            right.withUTF8 { right in
                var equal = true
                for index in left.indices {
                    if left[index] >= 0x80 || right[index] >= 0x80 { return nil }
                    equal = equal && asciiLowercased(left[index]) == asciiLowercased(right[index])
                }
                return equal
            }
        }
        return asciiEqual ?? (lhs.lowercased() == rhs.lowercased())
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
