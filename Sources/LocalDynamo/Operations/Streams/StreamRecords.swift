import Foundation

/// The shape of stream records, ARNs, labels, shard ids, sequence numbers and shard iterators.
enum StreamRecords {
    /// A record as stored: everything but `eventID` and `SequenceNumber`, which come from its row.
    static func stored(
        stream: StreamDescriptor, key: KeySchema, old: Item?, new: Item?, encodedNew: JSON? = nil, now: Double,
        byService: Bool
    ) -> JSON {
        let keys = ItemSupport.keyAttributes(of: new ?? old ?? [:], schema: key)
        var size = ItemSize.of(keys)
        var body: [String: JSON] = [
            "ApproximateCreationDateTime": .number(String(Int64(now.rounded(.down)))),
            "Keys": AttributeValue.encode(item: keys),
            "StreamViewType": .string(stream.viewType),
        ]
        if let new, stream.viewType == "NEW_IMAGE" || stream.viewType == "NEW_AND_OLD_IMAGES" {
            body["NewImage"] = encodedNew ?? AttributeValue.encode(item: new)
            size += ItemSize.of(new)
        }
        if let old, stream.viewType == "OLD_IMAGE" || stream.viewType == "NEW_AND_OLD_IMAGES" {
            body["OldImage"] = AttributeValue.encode(item: old)
            size += ItemSize.of(old)
        }
        body["SizeBytes"] = .number(String(max(size, 1)))
        var record: [String: JSON] = [
            "eventName": .string(old == nil ? "INSERT" : new == nil ? "REMOVE" : "MODIFY"),
            "eventVersion": .string("1.1"),
            "eventSource": .string("aws:dynamodb"),
            "awsRegion": .string(StreamRules.region),
            "dynamodb": .object(body),
        ]
        if byService {
            // The API model's member names (capitalised); Lambda's event shape lowercases them.
            record["userIdentity"] = .object([
                "Type": .string("Service"), "PrincipalId": .string("dynamodb.amazonaws.com"),
            ])
        }
        return .object(record)
    }

    /// A stored record with its `eventID` and `SequenceNumber`, as GetRecords returns it.
    static func returned(_ stored: JSON, sequence: Int64, stream: StreamDescriptor) -> JSON {
        guard case .object(var record) = stored, case .object(var body)? = record["dynamodb"] else { return stored }
        body["SequenceNumber"] = .string(sequenceNumber(sequence))
        record["dynamodb"] = .object(body)
        let seed = StreamNames.hash(stream.arn)
        let high = String(seed, radix: 16).leftPadded(to: 16)
        let low = String(UInt64(bitPattern: sequence), radix: 16).leftPadded(to: 16)
        record["eventID"] = .string(high + low)
        return .object(record)
    }

    /// A sequence number as DynamoDB writes it: 21 digits or more, increasing with the row number.
    static func sequenceNumber(_ sequence: Int64) -> String { "1" + String(sequence).leftPadded(to: 20) }

    /// The row number of a sequence number, or nil when it is not one LocalDynamo issued.
    static func sequence(_ text: String) -> Int64? {
        guard (21...40).contains(text.count), text.first == "1", text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int64(text.dropFirst())
    }
}

/// Names of streams and shards.
enum StreamNames {
    /// The label: the creation time as ISO 8601 with milliseconds, no zone (`2015-05-11T21:21:33.291`).
    static func label(_ created: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withFullTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var text = formatter.string(from: Date(timeIntervalSince1970: created))
        if text.hasSuffix("Z") { text.removeLast() }
        return text
    }

    static func arn(_ table: TableDefinition, label: String) -> String { "\(table.arn)/stream/\(label)" }

    /// FNV-1a: a stable hash across runs (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return value
    }
}

/// A shard iterator: the stream, the shard, the position (the last sequence number already read) and when
/// it was issued, as `<StreamArn>|<ShardId>|<position>|<issued milliseconds>`. Opaque to clients.
struct ShardIterator {
    let arn: String
    let shard: String
    let after: Int64
    let issued: Double

    var text: String { "\(arn)|\(shard)|\(after)|\(Int64((issued * 1000).rounded(.down)))" }

    init(arn: String, shard: String, after: Int64, issued: Double) {
        self.arn = arn
        self.shard = shard
        self.after = after
        self.issued = issued
    }

    init(parsing text: String) throws(DynamoError) {
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, let after = Int64(parts[2]), let millis = Int64(parts[3]) else {
            throw .validation("Invalid ShardIterator")
        }
        self.init(arn: String(parts[0]), shard: String(parts[1]), after: after, issued: Double(millis) / 1000)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
