import Foundation

/// An object change an operation made, reported for bucket notifications.
struct ObjectChange: Sendable, Equatable {
    /// The event name without `s3:` (`ObjectCreated:Put`), as the record's `eventName` carries it.
    var event: String
    var key: ObjectKey
    /// Size and ETag of a created object (a removal has neither).
    var size: Int64?
    var etag: String?
    var versionID: String?
}

/// One record of an S3 event notification, in AWS's shape (`eventVersion` 2.1).
struct S3EventRecord: Encodable {
    struct Identity: Encodable {
        var principalId: String
    }

    struct RequestParameters: Encodable {
        var sourceIPAddress: String
    }

    struct ResponseElements: Encodable {
        var requestID: String
        var hostID: String

        enum CodingKeys: String, CodingKey {
            case requestID = "x-amz-request-id"
            case hostID = "x-amz-id-2"
        }
    }

    struct Bucket: Encodable {
        var name: String
        var ownerIdentity: Identity
        var arn: String
    }

    struct Object: Encodable {
        var key: String
        var size: Int64?
        var eTag: String?
        var versionId: String?
        var sequencer: String
    }

    struct Entity: Encodable {
        var s3SchemaVersion = "1.0"
        var configurationId: String
        var bucket: Bucket
        var object: Object
    }

    var eventVersion = "2.1"
    var eventSource = "aws:s3"
    var awsRegion: String
    var eventTime: String
    var eventName: String
    var userIdentity: Identity
    var requestParameters: RequestParameters
    var responseElements: ResponseElements
    var s3: Entity

    /// The record of `change` for one matching configuration.
    init(
        _ change: ObjectChange, bucket: String, configurationID: String, sequencer: UInt64, region: String,
        time: Date, principal: String, bucketOwner: String, requestID: String
    ) {
        awsRegion = region
        eventTime = HTTPDate.iso8601(time)
        eventName = change.event
        userIdentity = Identity(principalId: principal)
        requestParameters = RequestParameters(sourceIPAddress: "127.0.0.1")
        responseElements = ResponseElements(requestID: requestID, hostID: requestID)
        s3 = Entity(
            configurationId: configurationID,
            bucket: Bucket(
                name: bucket, ownerIdentity: Identity(principalId: bucketOwner), arn: "arn:aws:s3:::\(bucket)"),
            object: Object(
                key: Self.encodeKey(change.key.bytes), size: change.size, eTag: change.etag,
                versionId: change.versionID,
                // S3's sequencers are upper-case hex, compared per key after right-padding with zeros.
                sequencer: "00" + NotificationOutbox.hex(sequencer)))
    }

    /// The invocation payload S3 sends a function: `{"Records":[record]}`.
    func payload() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try encoder.encode(["Records": [self]]), as: UTF8.self)
    }

    /// A key as event records carry it (and as filter rules are matched): form URL encoding, a space as `+`,
    /// `/` kept, every byte outside `A-Z a-z 0-9 - _ . * /` as `%XX`.
    static func encodeKey(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "*"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

extension ObjectChange {
    /// `ObjectCreated:<how>` for an object just published.
    static func created(_ how: String, key: ObjectKey, _ metadata: ObjectMetadata) -> ObjectChange {
        ObjectChange(
            event: "ObjectCreated:" + how, key: key, size: metadata.size, etag: metadata.etag,
            versionID: metadata.versionId)
    }
}
