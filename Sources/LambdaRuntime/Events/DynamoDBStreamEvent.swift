/// A DynamoDB stream batch as an event source mapping delivers it: `{"Records":[…]}`, images as typed
/// attribute values (`{"S":"…"}`), kept as JSON.
public struct DynamoDBStreamEvent: Codable, Sendable, Equatable {
    /// One change of one item.
    public struct Record: Codable, Sendable, Equatable {
        public var eventID: String
        /// `INSERT`, `MODIFY` or `REMOVE`.
        public var eventName: String
        public var eventVersion: String?
        public var eventSource: String?
        public var awsRegion: String?
        public var eventSourceARN: String?
        public var dynamodb: StreamRecord
        /// Present for deletions by Time to Live: `type` `Service`, `principalId` `dynamodb.amazonaws.com`.
        public var userIdentity: UserIdentity?
    }

    /// The `dynamodb` member of a record.
    public struct StreamRecord: Codable, Sendable, Equatable {
        public var approximateCreationDateTime: Double?
        public var keys: [String: JSONValue]
        public var newImage: [String: JSONValue]?
        public var oldImage: [String: JSONValue]?
        public var sequenceNumber: String
        public var sizeBytes: Int?
        public var streamViewType: String?

        enum CodingKeys: String, CodingKey {
            case approximateCreationDateTime = "ApproximateCreationDateTime"
            case keys = "Keys"
            case newImage = "NewImage"
            case oldImage = "OldImage"
            case sequenceNumber = "SequenceNumber"
            case sizeBytes = "SizeBytes"
            case streamViewType = "StreamViewType"
        }
    }

    /// Who made a change (only the Time to Live service is named).
    public struct UserIdentity: Codable, Sendable, Equatable {
        public var type: String
        public var principalId: String
    }

    public var records: [Record]

    enum CodingKeys: String, CodingKey {
        case records = "Records"
    }
}

/// The answer of a function whose mapping has `FunctionResponseTypes: [ReportBatchItemFailures]`: the sequence
/// numbers of the records that failed (the mapping resumes at the lowest), none for a full success.
public struct StreamsEventResponse: Codable, Sendable, Equatable {
    /// One failed record, by its `SequenceNumber`.
    public struct BatchItemFailure: Codable, Sendable, Equatable {
        public var itemIdentifier: String

        public init(itemIdentifier: String) { self.itemIdentifier = itemIdentifier }
    }

    public var batchItemFailures: [BatchItemFailure]

    public init(batchItemFailures: [BatchItemFailure] = []) { self.batchItemFailures = batchItemFailures }
}
