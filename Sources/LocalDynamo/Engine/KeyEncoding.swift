/// Turns key attribute values into bytes whose unsigned order is DynamoDB's key order:
/// S as UTF-8 and B as raw bytes (both bytewise), N through `DynamoNumber.orderedBytes` (numeric).
enum KeyEncoding {
    static func encode(_ value: AttributeValue, as type: KeyType) -> [UInt8]? {
        switch (value, type) {
        case (.string(let text), .string): return Array(text.utf8)
        case (.number(let number), .number): return number.orderedBytes
        case (.binary(let bytes), .binary): return bytes
        default: return nil
        }
    }

    /// One component of a multi-attribute key: the value's encoding with each 0x00 byte escaped as 0x00 0xFF,
    /// then the terminator 0x00 0x00, so that concatenated components sort component by component.
    static func component(_ encoded: [UInt8], terminated: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count + 2)
        for byte in encoded {
            bytes.append(byte)
            if byte == 0 { bytes.append(0xFF) }
        }
        if terminated { bytes += [0, 0] }
        return bytes
    }

    /// The tuple encoding of several key attributes of an item, or nil when one is missing or mistyped.
    static func tuple(_ attributes: [KeyAttribute], of item: Item) -> [UInt8]? {
        var bytes: [UInt8] = []
        for attribute in attributes {
            guard let value = item[attribute.name], let encoded = encode(value, as: attribute.type) else { return nil }
            bytes += component(encoded)
        }
        return bytes
    }

    /// The smallest byte string greater than every string starting with `prefix`, or nil if none exists.
    static func prefixSuccessor(_ prefix: [UInt8]) -> [UInt8]? {
        var bytes = prefix
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return bytes
            }
            bytes.removeLast()
        }
        return nil
    }
}

/// An item's primary key in stored form.
struct StoredKey: Hashable, Sendable {
    var partition: [UInt8]
    var sort: [UInt8]
}
