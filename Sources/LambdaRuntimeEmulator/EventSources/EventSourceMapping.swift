import Foundation

/// A mapping from a DynamoDB stream to a function, as `CreateEventSourceMapping` (or a template's
/// `Type: DynamoDB` event) describes it, with Lambda's defaults.
public struct EventSourceMapping: Sendable, Equatable, Codable {
    public static let batchSizeRange = 1...10000
    public static let batchingWindowRange = 0...300
    public static let parallelizationRange = 1...10
    /// -1 (records are kept until they leave the stream) or 60 through 604,800 seconds.
    public static let recordAgeRange = -1...604_800
    /// -1 (retry until the records leave the stream) or 0 through 10,000.
    public static let retryAttemptsRange = -1...10000
    public static let startingPositions = ["TRIM_HORIZON", "LATEST"]
    /// Lambda's quota of filters per mapping.
    public static let maximumFilters = 5

    public var uuid: String
    public var functionName: String
    /// The stream's ARN.
    public var eventSourceArn: String
    /// `TRIM_HORIZON` or `LATEST`: where a mapping starts on a stream it has not read before.
    public var startingPosition: String
    public var batchSize = 100
    public var maximumBatchingWindowInSeconds = 0
    /// Accepted and reported; one batch per shard runs at a time, so order holds per shard, not only per key.
    public var parallelizationFactor = 1
    /// `FilterCriteria.Filters[].Pattern`, as sent (JSON text).
    public var filterPatterns: [String] = []
    public var maximumRecordAgeInSeconds = -1
    public var bisectBatchOnFunctionError = false
    public var maximumRetryAttempts = -1
    /// `FunctionResponseTypes: [ReportBatchItemFailures]`.
    public var reportBatchItemFailures = false
    /// `DestinationConfig.OnFailure.Destination` as given; failed batches go to the local dead letters either way.
    public var onFailureDestination: String?
    public var enabled = true
    public var lastModified = Date()
    /// `Function.Event` of the template event that declares it; nil when created through the API.
    public var templateOrigin: String?

    public init(uuid: String, functionName: String, eventSourceArn: String, startingPosition: String) {
        self.uuid = uuid
        self.functionName = functionName
        self.eventSourceArn = eventSourceArn
        self.startingPosition = startingPosition
    }

    /// The table a DynamoDB stream ARN belongs to (`…:table/NAME/stream/LABEL`), nil for any other ARN.
    public static func tableName(ofStream arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "dynamodb" else { return nil }
        let path = parts[5].split(separator: "/", omittingEmptySubsequences: false)
        guard path.count == 4, path[0] == "table", path[2] == "stream", !path[1].isEmpty, !path[3].isEmpty else {
            return nil
        }
        return String(path[1])
    }

    /// A stable UUID for a template's mapping, so its checkpoints survive restarts: two FNV-1a hashes of its origin.
    public static func uuid(forTemplateOrigin origin: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var value = seed
            for byte in origin.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return value
        }
        let hex = [fnv(0xCBF2_9CE4_8422_2325), fnv(0x8422_2325_CBF2_9CE4)].map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
