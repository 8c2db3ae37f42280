/// A bucket's event notifications (`PutBucketNotificationConfiguration`): which events on which keys invoke
/// which Lambda functions. LocalS3 delivers to Lambda functions only (through the emulator's async queue).
public struct NotificationConfiguration: Codable, Sendable, Equatable {
    public var lambdaFunctions: [LambdaNotification]

    public init(lambdaFunctions: [LambdaNotification] = []) {
        self.lambdaFunctions = lambdaFunctions
    }

    /// The configurations an event (`s3:ObjectCreated:Put`) on a key (in its event form) triggers.
    public func matching(event: String, encodedKey: String) -> [LambdaNotification] {
        lambdaFunctions.filter { $0.matches(event: event, encodedKey: encodedKey) }
    }

    /// Checks the configuration as S3 does before storing it; throws InvalidArgument naming the fault.
    public func validate() throws(S3Error) {
        var ids: Set<String> = []
        for configuration in lambdaFunctions {
            guard ids.insert(configuration.id).inserted else {
                throw S3Error.invalidArgument(
                    "Id", configuration.id, "Configurations must have unique IDs: \(configuration.id)")
            }
            guard !configuration.events.isEmpty else { throw S3Error.malformedXML() }
            for event in configuration.events where !NotificationEvents.names.contains(event) {
                throw S3Error.invalidArgument("Event", event, "The event is not supported for notifications")
            }
            for value in [configuration.prefix, configuration.suffix].compactMap({ $0 }) where value.utf8.count > 1024 {
                throw S3Error.invalidArgument(
                    "FilterRule", value, "Size of filter rule value cannot exceed 1024 bytes in UTF-8 representation")
            }
        }
        for (index, first) in lambdaFunctions.enumerated() {
            for second in lambdaFunctions[(index + 1)...] where first.overlaps(second) {
                throw S3Error.invalidArgument(
                    "Event",
                    first.events.first { event in second.events.contains { NotificationEvents.overlap(event, $0) } }
                        ?? "",
                    "Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type."
                )
            }
        }
    }
}

/// One `LambdaFunctionConfiguration`: a function, the events it wants and an optional key filter.
public struct LambdaNotification: Codable, Sendable, Equatable {
    /// The configuration's `Id` (S3 makes one up when the request has none); the record's `configurationId`.
    public var id: String
    public var functionArn: String
    /// Event names as configured: `s3:ObjectCreated:*`, `s3:ObjectRemoved:Delete`, ...
    public var events: [String]
    /// The `prefix` and `suffix` rule values, compared with the key in its event form (URL-encoded, space as
    /// `+`), as S3 compares them.
    public var prefix: String?
    public var suffix: String?

    public init(id: String, functionArn: String, events: [String], prefix: String? = nil, suffix: String? = nil) {
        self.id = id
        self.functionArn = functionArn
        self.events = events
        self.prefix = prefix
        self.suffix = suffix
    }

    func matches(event: String, encodedKey: String) -> Bool {
        events.contains { NotificationEvents.covers($0, event) }
            && encodedKey.hasPrefix(prefix ?? "") && encodedKey.hasSuffix(suffix ?? "")
    }

    /// Two configurations overlap when they share an event type and both their prefixes and their suffixes
    /// overlap (one extends the other; a missing rule overlaps everything).
    func overlaps(_ other: LambdaNotification) -> Bool {
        let sharedEvent = events.contains { event in other.events.contains { NotificationEvents.overlap(event, $0) } }
        let prefixes = (prefix ?? "", other.prefix ?? "")
        let suffixes = (suffix ?? "", other.suffix ?? "")
        return sharedEvent && (prefixes.0.hasPrefix(prefixes.1) || prefixes.1.hasPrefix(prefixes.0))
            && (suffixes.0.hasSuffix(suffixes.1) || suffixes.1.hasSuffix(suffixes.0))
    }
}

/// S3's notification event names (botocore's `Event` enum) and how a wildcard covers its specific names.
public enum NotificationEvents {
    public static let names: Set<String> = [
        "s3:TestEvent", "s3:ReducedRedundancyLostObject", "s3:ObjectCreated:*", "s3:ObjectCreated:Put",
        "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload",
        "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
        "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
        "s3:Replication:*", "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
        "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
        "s3:LifecycleTransition", "s3:IntelligentTiering", "s3:ObjectAcl:Put", "s3:LifecycleExpiration:*",
        "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated", "s3:ObjectTagging:*",
        "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
    ]

    /// True when a configured name (`s3:ObjectCreated:*` or a specific one) covers `event`.
    public static func covers(_ configured: String, _ event: String) -> Bool {
        if configured == event { return true }
        guard configured.hasSuffix(":*") else { return false }
        return event.hasPrefix(configured.dropLast())
    }

    /// True when some event is covered by both names.
    static func overlap(_ first: String, _ second: String) -> Bool {
        covers(first, second) || covers(second, first)
    }
}
