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
