import Foundation
import LocalDynamo

/// One stream record on its way to a function: its sequence number, its arrival time and the record in the
/// shape Lambda delivers, and whether the mapping's filters let it through.
struct StreamEventRecord: Sendable, Equatable {
    let sequenceNumber: String
    /// `ApproximateCreationDateTime`, epoch seconds.
    let arrival: Double
    let record: JSON
    let included: Bool

    /// A GetRecords record as Lambda's event carries it: `eventSourceARN` added, and a TTL deletion's
    /// `userIdentity` with the lower-case `type`/`principalId` Lambda uses (the Streams API model capitalises them).
    static func lambdaRecord(_ record: JSON, streamArn: String) -> JSON {
        guard case .object(var members) = record else { return record }
        members["eventSourceARN"] = .string(streamArn)
        if case .object(let identity)? = members["userIdentity"] {
            var lowered: [String: JSON] = [:]
            for (key, value) in identity {
                lowered[key == "Type" ? "type" : key == "PrincipalId" ? "principalId" : key] = value
            }
            members["userIdentity"] = .object(lowered)
        }
        return .object(members)
    }

    /// The entry for a GetRecords record, filtered by `filters` (no filters lets everything through).
    init?(streamRecord: JSON, streamArn: String, filters: [EventFilterPattern]) {
        guard case .object(let body)? = streamRecord.objectValue?["dynamodb"],
            case .string(let sequence)? = body["SequenceNumber"]
        else { return nil }
        sequenceNumber = sequence
        if case .number(let seconds)? = body["ApproximateCreationDateTime"] {
            arrival = Double(seconds) ?? 0
        } else {
            arrival = 0
        }
        record = Self.lambdaRecord(streamRecord, streamArn: streamArn)
        let converted = record
        included = filters.isEmpty || filters.contains { $0.matches(converted) }
    }

    init(sequenceNumber: String, arrival: Double, record: JSON, included: Bool) {
        self.sequenceNumber = sequenceNumber
        self.arrival = arrival
        self.record = record
        self.included = included
    }

    /// The invocation payload for the included records of `entries`: `{"Records":[…]}`.
    static func payload(_ entries: some Collection<StreamEventRecord>) -> [UInt8] {
        var bytes = Array(#"{"Records":["#.utf8)
        var first = true
        for entry in entries where entry.included {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes += entry.record.serialized()
        }
        return bytes + Array("]}".utf8)
    }
}

/// DynamoDB sequence numbers are decimal digits; they compare by length, then lexically.
enum SequenceNumbers {
    static func precedes(_ first: String, _ second: String) -> Bool {
        first.count != second.count ? first.count < second.count : first < second
    }
}
