import LocalS3
import Yams

/// A function's `Events` entry of `Type: DynamoDB`: the event source mapping a deployment would create.
public struct TemplateStreamTrigger: Sendable, Equatable {
    /// The table whose stream triggers the function (its stream ARN is known once the table exists).
    public var table: String
    /// The mapping, with the table's name in place of the stream ARN until `serve` knows it.
    public var mapping: EventSourceMapping
    /// `Resources.F.Properties.Events.E`, for error messages.
    public var path: String
}

/// A function's `Events` entry of `Type: S3`: the bucket notification a deployment would configure.
public struct TemplateBucketTrigger: Sendable, Equatable {
    public var bucket: String
    public var notification: LambdaNotification
    public var path: String
}

/// Reads a function's SAM `Events` (`Type: DynamoDB` and `Type: S3`; other types need AWS services the emulator
/// lacks and are refused, naming their path).
struct TemplateEventSources {
    var streams: [TemplateStreamTrigger] = []
    var buckets: [TemplateBucketTrigger] = []

    init() {}

    static let streamProperties: Set<String> = [
        "Stream", "StartingPosition", "StartingPositionTimestamp", "BatchSize", "BisectBatchOnFunctionError",
        "DestinationConfig", "Enabled", "FilterCriteria", "FunctionResponseTypes", "KmsKeyArn",
        "MaximumBatchingWindowInSeconds", "MaximumRecordAgeInSeconds", "MaximumRetryAttempts", "MetricsConfig",
        "ParallelizationFactor", "TumblingWindowInSeconds",
    ]

    init(
        _ node: Node, path: String, logicalID: String, function: FunctionConfiguration, reader: TemplateReader
    ) throws(TemplateError) {
        guard let events = node.mapping else { throw .invalidValue(path: path, expected: "a mapping of events") }
        for (key, value) in events {
            guard let eventName = key.string else { throw .invalidValue(path: path, expected: "string keys") }
            let eventPath = "\(path).\(eventName)"
            let fields = try reader.mapping(value, path: eventPath, known: ["Type", "Properties"])
            guard let typeNode = fields["Type"] else { throw .missingSection("\(eventPath).Type") }
            let type = try reader.string(typeNode, path: "\(eventPath).Type")
            guard let properties = fields["Properties"] else { throw .missingSection("\(eventPath).Properties") }
            let propertiesPath = "\(eventPath).Properties"
            switch type {
            case "DynamoDB":
                streams.append(
                    try Self.stream(
                        properties, path: propertiesPath, origin: "\(logicalID).\(eventName)", function: function,
                        reader: reader))
            case "S3":
                buckets.append(
                    try Self.bucket(
                        properties, path: propertiesPath, id: "\(logicalID)-\(eventName)", function: function,
                        reader: reader))
            default:
                throw .unsupported(path: "\(eventPath).Type", reason: "event type '\(type)' (only DynamoDB and S3)")
            }
        }
    }

    private static func stream(
        _ node: Node, path: String, origin: String, function: FunctionConfiguration, reader: TemplateReader
    ) throws(TemplateError) -> TemplateStreamTrigger {
        let fields = try reader.mapping(node, path: path, known: streamProperties)
        guard let stream = try reader.optionalString(fields, "Stream", path: path) else {
            throw .missingSection("\(path).Stream")
        }
        guard let table = EventSourceMapping.tableName(ofStream: stream) else {
            throw .invalidValue(path: "\(path).Stream", expected: "a DynamoDB stream ARN (!GetAtt Table.StreamArn)")
        }
        guard let position = try reader.optionalString(fields, "StartingPosition", path: path) else {
            throw .missingSection("\(path).StartingPosition")
        }
        guard EventSourceMapping.startingPositions.contains(position) else {
            throw .invalidValue(
                path: "\(path).StartingPosition",
                expected: "TRIM_HORIZON or LATEST (DynamoDB streams have no AT_TIMESTAMP)")
        }
        if fields["StartingPositionTimestamp"] != nil {
            throw .invalidValue(path: "\(path).StartingPositionTimestamp", expected: "no value (only for AT_TIMESTAMP)")
        }
        var mapping = EventSourceMapping(
            uuid: EventSourceMapping.uuid(forTemplateOrigin: origin), functionName: function.name,
            eventSourceArn: stream, startingPosition: position)
        mapping.templateOrigin = origin
        func integer(_ name: String, _ range: ClosedRange<Int>) throws(TemplateError) -> Int? {
            try reader.optionalInteger(fields, name, path: path, range: range)
        }
        mapping.batchSize = try integer("BatchSize", EventSourceMapping.batchSizeRange) ?? mapping.batchSize
        mapping.maximumBatchingWindowInSeconds =
            try integer("MaximumBatchingWindowInSeconds", EventSourceMapping.batchingWindowRange) ?? 0
        mapping.parallelizationFactor =
            try integer("ParallelizationFactor", EventSourceMapping.parallelizationRange) ?? 1
        mapping.maximumRetryAttempts = try integer("MaximumRetryAttempts", EventSourceMapping.retryAttemptsRange) ?? -1
        let age = try integer("MaximumRecordAgeInSeconds", EventSourceMapping.recordAgeRange) ?? -1
        guard age == -1 || age >= 60 else {
            throw .invalidValue(path: "\(path).MaximumRecordAgeInSeconds", expected: "-1 or 60...604800")
        }
        mapping.maximumRecordAgeInSeconds = age
        if let window = try integer("TumblingWindowInSeconds", 0...900), window > 0 {
            throw .unsupported(path: "\(path).TumblingWindowInSeconds", reason: "tumbling windows")
        }
        mapping.bisectBatchOnFunctionError =
            try reader.optionalBoolean(fields, "BisectBatchOnFunctionError", path: path) ?? false
        mapping.enabled = try reader.optionalBoolean(fields, "Enabled", path: path) ?? true
        for type in try reader.optionalStrings(fields, "FunctionResponseTypes", path: path) {
            guard type == "ReportBatchItemFailures" else {
                throw .invalidValue(path: "\(path).FunctionResponseTypes", expected: "[ReportBatchItemFailures]")
            }
            mapping.reportBatchItemFailures = true
        }
        mapping.filterPatterns = try filterPatterns(fields["FilterCriteria"], path: "\(path).FilterCriteria", reader)
        if let destinations = fields["DestinationConfig"] {
            let destinationsPath = "\(path).DestinationConfig"
            let config = try reader.mapping(destinations, path: destinationsPath, known: ["OnFailure"])
            if let failure = config["OnFailure"] {
                let failurePath = "\(destinationsPath).OnFailure"
                let target = try reader.mapping(failure, path: failurePath, known: ["Destination", "Type"])
                mapping.onFailureDestination = try reader.optionalString(target, "Destination", path: failurePath)
            }
        }
        return TemplateStreamTrigger(table: table, mapping: mapping, path: path)
    }

    private static func filterPatterns(_ node: Node?, path: String, _ reader: TemplateReader) throws(TemplateError)
        -> [String]
    {
        guard let node else { return [] }
        let criteria = try reader.mapping(node, path: path, known: ["Filters"])
        guard let filters = criteria["Filters"] else { return [] }
        let patterns = try reader.list(filters, path: "\(path).Filters") {
            (item: Node, itemPath: String) throws(TemplateError) -> String in
            let filter = try reader.mapping(item, path: itemPath, known: ["Pattern"])
            guard let pattern = try reader.optionalString(filter, "Pattern", path: itemPath) else {
                throw .missingSection("\(itemPath).Pattern")
            }
            do throws(EventFilterPattern.Invalid) {
                _ = try EventFilterPattern(pattern)
            } catch {
                throw .invalidValue(path: "\(itemPath).Pattern", expected: "a filter pattern: \(error.reason)")
            }
            return pattern
        }
        guard patterns.count <= EventSourceMapping.maximumFilters else {
            throw .invalidValue(
                path: "\(path).Filters", expected: "at most \(EventSourceMapping.maximumFilters) filters")
        }
        return patterns
    }

    private static func bucket(
        _ node: Node, path: String, id: String, function: FunctionConfiguration, reader: TemplateReader
    ) throws(TemplateError) -> TemplateBucketTrigger {
        let fields = try reader.mapping(node, path: path, known: ["Bucket", "Events", "Filter"])
        guard let bucket = try reader.optionalString(fields, "Bucket", path: path) else {
            throw .missingSection("\(path).Bucket")
        }
        guard let eventsNode = fields["Events"] else { throw .missingSection("\(path).Events") }
        let events =
            eventsNode.sequence != nil
            ? try reader.strings(eventsNode, path: "\(path).Events")
            : [try reader.string(eventsNode, path: "\(path).Events")]
        for event in events where !NotificationEvents.names.contains(event) {
            throw .invalidValue(path: "\(path).Events", expected: "S3 event names such as s3:ObjectCreated:*")
        }
        var notification = LambdaNotification(id: id, functionArn: function.arn, events: events)
        if let filter = fields["Filter"] {
            let filterPath = "\(path).Filter"
            let key = try reader.mapping(filter, path: filterPath, known: ["S3Key"])
            let keyPath = "\(filterPath).S3Key"
            let rules = try reader.mapping(ifPresent: key["S3Key"], path: keyPath, known: ["Rules"])
            if let list = rules["Rules"] {
                let parsed = try reader.list(list, path: "\(keyPath).Rules") {
                    (item: Node, itemPath: String) throws(TemplateError) -> (name: String, value: String) in
                    let parts = try reader.mapping(item, path: itemPath, known: ["Name", "Value"])
                    let name = try reader.optionalString(parts, "Name", path: itemPath)?.lowercased() ?? ""
                    return (name, try reader.optionalString(parts, "Value", path: itemPath) ?? "")
                }
                for (index, rule) in parsed.enumerated() {
                    switch rule.name {
                    case "prefix" where notification.prefix == nil: notification.prefix = rule.value
                    case "suffix" where notification.suffix == nil: notification.suffix = rule.value
                    default:
                        throw .invalidValue(
                            path: "\(keyPath).Rules[\(index)].Name", expected: "one prefix and one suffix rule at most")
                    }
                }
            }
        }
        return TemplateBucketTrigger(bucket: bucket, notification: notification, path: path)
    }
}

extension TemplateEventSources {
    /// Checks the events against the template's resources, as SAM does (a stream of a table with a
    /// `StreamSpecification`, a bucket declared in the template), and gives each bucket the notification
    /// configuration its events add up to, checked as S3 checks one (no overlapping filters for an event type).
    func check(tables: [TemplateTable], buckets: inout [TemplateBucket]) throws(TemplateError) {
        for trigger in streams where !tables.contains(where: { $0.name == trigger.table && $0.streamViewType != nil }) {
            throw .invalidValue(
                path: "\(trigger.path).Stream",
                expected: "the stream of a table in this template with a StreamSpecification")
        }
        for trigger in self.buckets where !buckets.contains(where: { $0.name == trigger.bucket }) {
            throw .invalidValue(path: "\(trigger.path).Bucket", expected: "a bucket declared in this template (!Ref)")
        }
        for index in buckets.indices {
            let triggers = self.buckets.filter { $0.bucket == buckets[index].name }.sorted {
                $0.notification.id < $1.notification.id
            }
            guard let first = triggers.first else { continue }
            let configuration = NotificationConfiguration(lambdaFunctions: triggers.map(\.notification))
            do {
                try configuration.validate()
            } catch {
                throw .invalidValue(
                    path: first.path, expected: "S3 notifications that do not overlap: \(error.message)")
            }
            buckets[index].notification = configuration
        }
    }
}
