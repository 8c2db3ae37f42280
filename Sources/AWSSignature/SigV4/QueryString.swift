/// Query strings as SigV4 sees them: decoded `(name, value)` pairs, wire encoding, canonical form.
public enum QueryString {
    /// Splits a raw query (`a=1&b&c=%2F`, without `?`) into decoded pairs; `b` alone has value "".
    public static func parse(_ rawQuery: some StringProtocol) -> [(name: String, value: String)] {
        guard !rawQuery.isEmpty else { return [] }
        return rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { part in
            if let equals = part.firstIndex(of: "=") {
                return (
                    URIEncoding.decode(part[part.startIndex..<equals]),
                    URIEncoding.decode(part[part.index(after: equals)...])
                )
            }
            return (URIEncoding.decode(part), "")
        }
    }

    /// Encodes pairs in the given order as a wire query (`name=value` joined by `&`), UriEncoded.
    public static func encode(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { encodeComponent($0.name) + "=" + encodeComponent($0.value) }.joined(separator: "&")
    }

    /// The SigV4 canonical query: every name and value UriEncoded (`/` too), sorted by name then value.
    public static func canonical(_ pairs: [(name: String, value: String)]) -> String {
        let encoded = pairs.map {
            (
                URIEncoding.encodedBytes($0.name.utf8, keepSlash: false),
                URIEncoding.encodedBytes($0.value.utf8, keepSlash: false)
            )
        }
        let sorted = encoded.sorted { lhs, rhs in
            lhs.0 == rhs.0 ? lhs.1.lexicographicallyPrecedes(rhs.1) : lhs.0.lexicographicallyPrecedes(rhs.0)
        }
        var output = [UInt8]()
        for (index, pair) in sorted.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "&")) }
            output += pair.0
            output.append(UInt8(ascii: "="))
            output += pair.1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One query name or value, UriEncoded with `/` encoded.
    public static func encodeComponent(_ component: String) -> String {
        URIEncoding.encode(component.utf8, keepSlash: false)
    }
}
