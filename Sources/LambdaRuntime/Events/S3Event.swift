#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An S3 event notification as S3 invokes a function with it: `{"Records":[…]}` (`eventVersion` 2.x).
public struct S3Event: Codable, Sendable, Equatable {
    /// One object event.
    public struct Record: Codable, Sendable, Equatable {
        public var eventVersion: String
        public var eventSource: String
        public var awsRegion: String
        public var eventTime: String
        /// `ObjectCreated:Put`, `ObjectRemoved:Delete`, ... (without the `s3:` of the configuration).
        public var eventName: String
        public var s3: Entity
    }

    /// The record's `s3` member.
    public struct Entity: Codable, Sendable, Equatable {
        public var configurationId: String?
        public var bucket: Bucket
        public var object: Object
    }

    public struct Bucket: Codable, Sendable, Equatable {
        public var name: String
        public var arn: String
    }

    public struct Object: Codable, Sendable, Equatable {
        /// URL-encoded, a space as `+` (see `decodedKey`).
        public var key: String
        /// Absent for removals.
        public var size: Int64?
        public var eTag: String?
        public var versionId: String?
        public var sequencer: String?

        /// The key as stored: `+` read as a space, then `%XX` escapes decoded.
        public var decodedKey: String {
            let spaced = String(key.map { $0 == "+" ? " " : $0 })
            return PercentEncoding.decode(spaced) ?? spaced
        }
    }

    public var records: [Record]

    enum CodingKeys: String, CodingKey {
        case records = "Records"
    }
}
