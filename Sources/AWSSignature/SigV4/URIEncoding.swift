/// SigV4's UriEncode: bytes `A-Z a-z 0-9 - _ . ~` stay, every other byte becomes `%XX` (upper-case hex).
public enum URIEncoding {
    private static let upperHex = Array("0123456789ABCDEF".utf8)

    /// True for RFC 3986 unreserved bytes.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Percent-encodes `bytes`; `/` is kept literal when `keepSlash` (paths) and encoded otherwise (query).
    public static func encode(_ bytes: some Sequence<UInt8>, keepSlash: Bool) -> String {
        String(decoding: encodedBytes(bytes, keepSlash: keepSlash), as: UTF8.self)
    }

    /// `encode` as bytes, for callers that go on working with bytes.
    static func encodedBytes(_ bytes: some Sequence<UInt8>, keepSlash: Bool) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(bytes.underestimatedCount)
        for byte in bytes {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(upperHex[Int(byte >> 4)])
                output.append(upperHex[Int(byte & 0x0F)])
            }
        }
        return output
    }

    /// Percent-encodes the UTF-8 bytes of `string`.
    public static func encode(_ string: some StringProtocol, keepSlash: Bool) -> String {
        encode(string.utf8, keepSlash: keepSlash)
    }

    /// Decodes `%XX` escapes to bytes; `+` stays `+`, and a `%` not followed by two hex digits stays literal.
    public static func decodeBytes(_ string: some StringProtocol) -> [UInt8] {
        let input = Array(string.utf8)
        var output = [UInt8]()
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = Hex.value(of: input[index + 1]), let low = Hex.value(of: input[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Decodes `%XX` escapes to a string (invalid UTF-8 becomes U+FFFD).
    public static func decode(_ string: some StringProtocol) -> String {
        String(decoding: decodeBytes(string), as: UTF8.self)
    }
}
