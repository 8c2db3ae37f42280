/// The canonical-headers and signed-headers components of a SigV4 canonical request.
public struct CanonicalHeaders: Sendable, Hashable {
    /// `name:value\n` lines, sorted by name (each line ends in `\n`).
    public let block: String
    /// The lower-case names, sorted, joined by `;`.
    public let signedHeaders: String
    /// The lower-case names, sorted.
    public let names: [String]

    /// Canonicalises the `signedNames` headers of `headers`: lower-case names, trimmed values with runs of
    /// whitespace (including obs-fold line breaks) collapsed to one space, repeats joined by `,` in order.
    /// Throws `SigV4Error.signedHeaderMissing` when a listed name is absent from `headers`.
    public init(headers: [(name: String, value: String)], signedNames: [String]) throws(SigV4Error) {
        let wanted = Set(signedNames.map { $0.lowercased() })
        var values: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            guard wanted.contains(name) else { continue }
            values[name, default: []].append(Self.normalize(header.value))
        }
        let sortedNames = wanted.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var block = ""
        for name in sortedNames {
            guard let list = values[name] else { throw .signedHeaderMissing(name) }
            block += name + ":" + list.joined(separator: ",") + "\n"
        }
        self.block = block
        self.names = sortedNames
        self.signedHeaders = sortedNames.joined(separator: ";")
    }

    /// Trims and collapses whitespace runs (space, tab, CR, LF) to a single space.
    static func normalize(_ value: String) -> String {
        var output = [UInt8]()
        var pendingSpace = false
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                pendingSpace = !output.isEmpty
            default:
                if pendingSpace {
                    output.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
