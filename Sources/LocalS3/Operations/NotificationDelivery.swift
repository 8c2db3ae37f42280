import Foundation

/// How LocalS3 hands bucket events to Lambda functions: the outbox events are written to before a request is
/// answered, and which functions exist (a configuration naming another is refused, as S3 refuses a destination
/// it cannot validate). Without one (standalone `lambda-emulator s3`) configurations naming any Lambda ARN are
/// kept and no events are recorded.
public struct NotificationDelivery: Sendable {
    public let outbox: NotificationOutbox
    /// True when the function a Lambda ARN names can be invoked.
    public let functionExists: @Sendable (String) -> Bool

    public init(outbox: NotificationOutbox, functionExists: @escaping @Sendable (String) -> Bool) {
        self.outbox = outbox
        self.functionExists = functionExists
    }

    /// Writes the records of `changes` that the bucket's configuration matches to the outbox, durably.
    func record(_ changes: [ObjectChange], context: OperationContext, requestID: String) async throws {
        let bucket = try context.bucket()
        guard let configuration = context.access.snapshot?.notification else { return }
        var entries: [NotificationOutboxEntry] = []
        var first: UInt64?
        for change in changes {
            let targets = configuration.matching(
                event: "s3:" + change.event, encodedKey: S3EventRecord.encodeKey(change.key.bytes))
            guard !targets.isEmpty else { continue }
            let sequencer = outbox.nextSequencer()
            first = first ?? sequencer
            for target in targets {
                let record = S3EventRecord(
                    change, bucket: bucket, configurationID: target.id, sequencer: sequencer, region: context.region,
                    time: context.now, principal: context.auth.accessKey.map { "AWS:\($0)" } ?? "Anonymous",
                    bucketOwner: context.access.bucketOwner, requestID: requestID)
                entries.append(NotificationOutboxEntry(functionArn: target.functionArn, payload: try record.payload()))
            }
        }
        if let first { try await outbox.append(entries, sequencer: first) }
    }
}
