import AWSSignature

/// Writes `ObjectMetadata` as the JSON of an object file: the bytes `JSONEncoder` with `.sortedKeys` gives
/// (keys in UTF-8 order, nil fields left out, `/` escaped, the checksums as `[algorithm, value, …]`), written
/// directly because every PUT pays for it and the generic encoder cost more than the rest of publishing.
/// `StoredObject.open` reads it back with `JSONDecoder`; a test holds the two encodings equal.
struct ObjectMetadataJSON {
    private var bytes: [UInt8] = []
    private var needsComma = false

    static func encode(_ metadata: ObjectMetadata) -> [UInt8] {
        var writer = ObjectMetadataJSON()
        writer.bytes.reserveCapacity(320)
        writer.write(metadata)
        return writer.bytes
    }

    /// The fields in sorted key order.
    private mutating func write(_ metadata: ObjectMetadata) {
        open(UInt8(ascii: "{"))
        optionalString("cacheControl", metadata.cacheControl)
        optionalString("checksumType", metadata.checksumType)
        key("checksums")
        open(UInt8(ascii: "["))
        for (algorithm, value) in metadata.checksums {
            element()
            string(algorithm.rawValue)
            element()
            string(value)
        }
        close(UInt8(ascii: "]"))
        optionalString("contentDisposition", metadata.contentDisposition)
        optionalString("contentEncoding", metadata.contentEncoding)
        optionalString("contentLanguage", metadata.contentLanguage)
        optionalString("contentType", metadata.contentType)
        if let deleteMarker = metadata.deleteMarker { key("deleteMarker", bool: deleteMarker) }
        key("etag")
        string(metadata.etag)
        optionalString("expires", metadata.expires)
        if let grants = metadata.grants {
            key("grants")
            open(UInt8(ascii: "["))
            for grant in grants {
                element()
                open(UInt8(ascii: "{"))
                optionalString("id", grant.id)
                key("permission")
                string(grant.permission.rawValue)
                optionalString("uri", grant.uri)
                close(UInt8(ascii: "}"))
            }
            close(UInt8(ascii: "]"))
        }
        key("lastModifiedMilliseconds")
        integer(metadata.lastModifiedMilliseconds)
        optionalString("owner", metadata.owner)
        if let partSizes = metadata.partSizes {
            key("partSizes")
            open(UInt8(ascii: "["))
            for size in partSizes {
                element()
                integer(size)
            }
            close(UInt8(ascii: "]"))
        }
        key("publicRead", bool: metadata.publicRead)
        key("size")
        integer(metadata.size)
        if let tags = metadata.tags {
            key("tags")
            open(UInt8(ascii: "["))
            for tag in tags {
                element()
                open(UInt8(ascii: "{"))
                key("key")
                string(tag.key)
                key("value")
                string(tag.value)
                close(UInt8(ascii: "}"))
            }
            close(UInt8(ascii: "]"))
        }
        key("userMetadata")
        open(UInt8(ascii: "{"))
        for (name, value) in metadata.userMetadata.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(name)
            string(value)
        }
        close(UInt8(ascii: "}"))
        optionalString("versionId", metadata.versionId)
        optionalString("websiteRedirectLocation", metadata.websiteRedirectLocation)
        close(UInt8(ascii: "}"))
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    /// The separator before an array element or object member.
    private mutating func element() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private mutating func key(_ name: String) {
        element()
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func key(_ name: String, bool value: Bool) {
        key(name)
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    private mutating func optionalString(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    private mutating func integer(_ value: Int64) {
        bytes += String(value).utf8
    }

    /// A string literal escaped as `JSONEncoder` escapes one.
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20: bytes.append(contentsOf: "\\u00\(Hex.encode([byte]))".utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
