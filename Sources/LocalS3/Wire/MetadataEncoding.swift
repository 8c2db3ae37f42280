import AWSSignature

/// User metadata values as S3 carries them in headers: a value sent as an RFC 2047 encoded word
/// (`=?UTF-8?B?…?=` or `=?UTF-8?Q?…?=`) is stored decoded, and a stored value with characters outside
/// printable US-ASCII is answered `=?UTF-8?Q?…?=`, so every client reads the same mail-safe text back.
enum MetadataEncoding {
    /// The value to store for a received header value.
    static func decode(_ value: String) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count > 8, value.hasPrefix("=?"), value.hasSuffix("?=") else { return value }
        let parts = value.dropFirst(2).dropLast(2).split(separator: "?", omittingEmptySubsequences: false)
        guard parts.count == 3, ["utf-8", "us-ascii"].contains(parts[0].lowercased()) else { return value }
        switch parts[1].uppercased() {
        case "B":
            guard let decoded = Base64.decode(String(parts[2])) else { return value }
            return String(decoding: decoded, as: UTF8.self)
        case "Q":
            var out: [UInt8] = []
            let text = Array(parts[2].utf8)
            var index = 0
            while index < text.count {
                if text[index] == UInt8(ascii: "="), index + 2 < text.count,
                    let high = PercentCoding.hexValue(text[index + 1]),
                    let low = PercentCoding.hexValue(text[index + 2])
                {
                    out.append(high << 4 | low)
                    index += 3
                } else {
                    out.append(text[index] == UInt8(ascii: "_") ? UInt8(ascii: " ") : text[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        default:
            return value
        }
    }

    /// The header value to answer for a stored value: as is when it is printable US-ASCII.
    static func encode(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 < 0x20 || $0 > 0x7E }) else { return value }
        var out = "=?UTF-8?Q?"
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: " "): out += "_"
            case 0x21...0x7E where byte != UInt8(ascii: "=") && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "=" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out + "?="
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
