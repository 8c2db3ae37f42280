/// One message of the AWS event-stream framing (`application/vnd.amazon.eventstream`) with string headers:
/// total length, headers length, prelude CRC, headers, payload, message CRC (CRC-32, big-endian throughout).
struct EventStreamMessage {
    var headers: [(name: String, value: String)]
    var payload: [UInt8]

    /// An `event` message of the given `:event-type`.
    static func event(_ type: String, contentType: String, payload: [UInt8]) -> EventStreamMessage {
        EventStreamMessage(
            headers: [(":event-type", type), (":content-type", contentType), (":message-type", "event")],
            payload: payload)
    }

    var encoded: [UInt8] {
        var headerBytes: [UInt8] = []
        for (name, value) in headers {
            let nameBytes = Array(name.utf8)
            let valueBytes = Array(value.utf8)
            headerBytes.append(UInt8(nameBytes.count))
            headerBytes += nameBytes
            headerBytes.append(7)  // string
            headerBytes += Self.bigEndian(UInt16(valueBytes.count))
            headerBytes += valueBytes
        }
        let total = 12 + headerBytes.count + payload.count + 4
        var message = Self.bigEndian(UInt32(total)) + Self.bigEndian(UInt32(headerBytes.count))
        message += Self.bigEndian(CRC32.checksum(message))
        message += headerBytes
        message += payload
        message += Self.bigEndian(CRC32.checksum(message))
        return message
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
