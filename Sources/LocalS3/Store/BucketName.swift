/// S3's bucket naming rules; a valid name is also a safe single path component.
public enum BucketName {
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (3...63).contains(bytes.count) else { return false }
        let allowed = bytes.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        }
        guard allowed, isAlphanumeric(bytes.first!), isAlphanumeric(bytes.last!) else { return false }
        // Adjacent bytes, not Foundation's `contains`: the name is checked on every request that names it.
        let dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
        for (byte, next) in zip(bytes, bytes.dropFirst()) {
            if (byte == dot && (next == dot || next == dash)) || (byte == dash && next == dot) { return false }
        }
        guard !name.hasPrefix("xn--"), !name.hasPrefix("sthree-"), !name.hasSuffix("-s3alias"),
            !name.hasSuffix("--ol-s3")
        else { return false }
        let octets = bytes.split(separator: dot, omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ UInt8(String(decoding: $0, as: UTF8.self)) != nil }) { return false }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
