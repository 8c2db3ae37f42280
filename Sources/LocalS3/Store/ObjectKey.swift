import AWSSignature
import BuildingBlocks

/// An S3 object key: raw bytes, compared and ordered byte by byte as S3 does (never by Unicode rules).
public struct ObjectKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The longest key S3 accepts, in bytes.
    public static let maximumLength = 1024

    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// The key as text; invalid UTF-8 is shown with replacement characters.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    public func hasPrefix(_ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes[0..<prefix.count].elementsEqual(prefix)
    }

    /// Lower-case hexadecimal of the bytes; its string order equals the key's byte order.
    public var hex: String { Hex.encode(bytes) }
}

/// Percent-encoding as S3 and SigV4 use it: only `A-Z a-z 0-9 - _ . ~` stay literal.
public enum PercentCoding {
    /// Decodes `%XX` escapes to bytes; `+` stays literal. Nil when an escape is malformed.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        PercentEncoding.decodeBytes(text)
    }

    /// Decodes to a String (lossy for invalid UTF-8); nil when an escape is malformed.
    public static func decodeString(_ text: some StringProtocol) -> String? {
        // Most query names and values have no escape: they are their own decoding.
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return decode(text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Encodes bytes (AWSSignature's URI encoding), keeping `/` literal when `keepSlash` is set.
    public static func encode(_ bytes: some Sequence<UInt8>, keepSlash: Bool = false) -> String {
        URIEncoding.encode(bytes, keepSlash: keepSlash)
    }

    static func hexValue(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }

}
