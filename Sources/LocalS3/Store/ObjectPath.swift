import AWSSignature

/// Maps a key to path components that can never leave the bucket: the key's bytes in hexadecimal, cut
/// into segments. Directory segments end in `.d`, the object file in `.o`, so no component is `.`, `..`,
/// empty, or contains `/` or NUL, distinct keys get distinct paths, and `a` and `a/b` coexist.
enum ObjectPath {
    /// Hex characters per path component (100 key bytes), well under the 255-byte name limit.
    static let segmentLength = 200
    static let directorySuffix = ".d"
    static let objectSuffix = ".o"

    static func components(for key: ObjectKey) -> [String] {
        let hex = Array(key.hex.utf8)
        var parts: [String] = []
        var start = 0
        while hex.count - start > segmentLength {
            parts.append(String(decoding: hex[start..<start + segmentLength], as: UTF8.self) + directorySuffix)
            start += segmentLength
        }
        parts.append(String(decoding: hex[start...], as: UTF8.self) + objectSuffix)
        return parts
    }

    /// The key for a hex path, or nil if the text is not a valid encoding.
    static func key(fromHex hex: String) -> ObjectKey? {
        Hex.decode(hex).map(ObjectKey.init(bytes:))
    }
}
