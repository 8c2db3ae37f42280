import LocalDynamo
import LocalS3
import Logging

/// What makes triggers run under `serve`: an event source mapping for each template `Type: DynamoDB` event (on its
/// table's current stream) besides those created through the Invoke API, and the delivery of LocalS3's bucket
/// events (the template's `Type: S3` events configure the buckets) to the async queue. Logs each mapping and
/// bucket notification it sets up.
public struct EventSources: Sendable {
    private let mappings: EventSourceMappings
    private let delivery: Task<Void, Never>?

    public static func start(
        emulator: LambdaEmulator, template: SAMTemplate?, engine: DynamoEngine, outbox: NotificationOutbox?,
        logger: Logger
    ) async throws -> EventSources {
        var declared: [EventSourceMapping] = []
        for trigger in template?.streamTriggers ?? [] {
            guard let arn = try await TemplateStreams.latestArn(of: trigger.table, in: engine) else {
                throw TemplateError.invalidValue(
                    path: "\(trigger.path).Stream", expected: "a table with an enabled stream")
            }
            var mapping = trigger.mapping
            mapping.eventSourceArn = arn
            declared.append(mapping)
        }
        let mappings = emulator.eventSourceMappings
        for mapping in try await mappings.connect(engine: engine, template: declared) {
            logger.info("event source mapping", metadata: Self.metadata(mapping))
        }
        for bucket in template?.buckets ?? [] {
            for notification in bucket.notification?.lambdaFunctions ?? [] {
                logger.info(
                    "bucket notification",
                    metadata: [
                        "bucket": .string(bucket.name), "function": .string(notification.functionArn),
                        "events": .string(notification.events.joined(separator: ",")),
                        "prefix": .string(notification.prefix ?? ""), "suffix": .string(notification.suffix ?? ""),
                    ])
            }
        }
        let delivery = outbox.map { outbox in
            let deliverer = BucketEventDelivery(
                outbox: outbox, queue: emulator.queue, deadLetters: emulator.store,
                functionNames: Set(emulator.functions.keys), logger: logger)
            return Task { await deliverer.run() }
        }
        return EventSources(mappings: mappings, delivery: delivery)
    }

    /// Stops the bucket event delivery and the stream pollers (what is not delivered yet stays stored).
    public func stop() async {
        delivery?.cancel()
        await delivery?.value
        await mappings.stop()
    }

    /// A mapping's log line fields.
    static func metadata(_ mapping: EventSourceMapping) -> Logger.Metadata {
        [
            "uuid": .string(mapping.uuid), "function": .string(mapping.functionName),
            "eventSource": .string(mapping.eventSourceArn), "startingPosition": .string(mapping.startingPosition),
            "batchSize": "\(mapping.batchSize)", "enabled": "\(mapping.enabled)",
            "origin": .string(mapping.templateOrigin.map { "template \($0)" } ?? "API"),
        ]
    }
}
