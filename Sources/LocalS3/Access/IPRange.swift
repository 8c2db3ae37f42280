#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 CIDR block (`203.0.113.0/24`, `2001:db8::/32`; a bare address is a /32 or /128), as
/// `aws:SourceIp` conditions name them. IPv4-mapped IPv6 addresses count as their IPv4 address.
struct IPRange: Sendable, Equatable {
    let network: [UInt8]
    let prefixLength: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = Self.parse(String(parts[0])) else { return nil }
        let bits = address.count * 8
        var length = bits
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...bits).contains(parsed) else { return nil }
            length = parsed
        }
        network = address
        prefixLength = length
    }

    /// Whether `text` (an address) lies in the block.
    func contains(_ text: String) -> Bool {
        guard let address = Self.parse(text), address.count == network.count else { return false }
        var remaining = prefixLength
        for index in network.indices where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            guard address[index] & mask == network[index] & mask else { return false }
            remaining -= 8
        }
        return true
    }

    /// True for blocks that cover everyone (`0.0.0.0/0`, `::/0`): no restriction at all.
    var coversEverything: Bool { prefixLength == 0 }

    /// The address's bytes: 4 for IPv4 (and IPv4-mapped IPv6), 16 for IPv6.
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        return mapped ? Array(bytes[12..<16]) : bytes
    }
}
