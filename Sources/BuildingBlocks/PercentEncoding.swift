/// Percent-encoding of text (URL paths and queries), for code without Foundation's `addingPercentEncoding`.
public enum PercentEncoding {
    /// ASCII scalars for which `keeps` holds stay as they are; every other scalar becomes `%XX` per byte of its
    /// UTF-8 (upper-case hex), as Foundation's `addingPercentEncoding(withAllowedCharacters:)` does (which also
    /// ignores allowed characters outside ASCII).
    public static func encode(_ text: some StringProtocol, keeping keeps: (Unicode.Scalar) -> Bool) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII && keeps(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    encoded += "%"
                    encoded.unicodeScalars.append(hexDigit(byte >> 4))
                    encoded.unicodeScalars.append(hexDigit(byte & 0x0F))
                }
            }
        }
        return encoded
    }

    /// `%XX` escapes decoded to bytes, every other character kept (`+` too). Nil when an escape is malformed.
    public static func decodeBytes(_ text: some StringProtocol) -> [UInt8]? {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                    let low = hexValue(bytes[index + 2])
                else { return nil }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded
    }

    /// Decoded text, as Foundation's `removingPercentEncoding`: nil when an escape is malformed or the bytes are
    /// not UTF-8.
    public static func decode(_ text: some StringProtocol) -> String? {
        decodeBytes(text).flatMap { String(validating: $0, as: UTF8.self) }
    }

    private static func hexDigit(_ value: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
