import Foundation
import LocalS3
import Logging

/// Moves bucket events from LocalS3's outbox into the async queue, oldest first: S3 invokes functions
/// asynchronously, so each event gets the queue's retries, `EventInvokeConfig` and dead letters. A batch file is
/// removed only after its events are stored in the queue, so a crash in between delivers them twice rather than
/// never. An event for a function the emulator does not host goes straight to the dead letters.
public struct BucketEventDelivery: Sendable {
    let outbox: NotificationOutbox
    let queue: AsyncInvoker
    let deadLetters: AsyncEventStore
    let functionNames: Set<String>
    let logger: Logger

    public init(
        outbox: NotificationOutbox, queue: AsyncInvoker, deadLetters: AsyncEventStore, functionNames: Set<String>,
        logger: Logger
    ) {
        self.outbox = outbox
        self.queue = queue
        self.deadLetters = deadLetters
        self.functionNames = functionNames
        self.logger = logger
    }

    /// Delivers what earlier runs left, then each new batch as LocalS3 writes it, until cancelled.
    public func run() async {
        var failing: String?
        await drainRetrying(&failing)
        for await _ in outbox.arrivals {
            await drainRetrying(&failing)
        }
    }

    /// Drains the outbox; a failure is logged once and retried every second until it clears or the task ends.
    private func drainRetrying(_ failing: inout String?) async {
        while !Task.isCancelled {
            do {
                try await drain()
                if let previous = failing {
                    logger.info("bucket event delivery recovered", metadata: ["previousError": "\(previous)"])
                    failing = nil
                }
                return
            } catch {
                if failing != "\(error)" {
                    logger.error(
                        "bucket event delivery failing; the events stay in the outbox",
                        metadata: ["error": "\(error)"])
                    failing = "\(error)"
                }
                do { try await Task.sleep(for: .seconds(1)) } catch { return }
            }
        }
    }

    func drain() async throws {
        for batch in try await outbox.pending() {
            guard !batch.unreadable else {
                logger.error(
                    "unreadable bucket event batch set aside", metadata: ["file": .string(outbox.path(of: batch))])
                try await outbox.setAside(batch)
                continue
            }
            for entry in batch.entries {
                let request = InvocationRequest(
                    requestID: LambdaRequestID.make(), payload: Array(entry.payload.utf8))
                guard let function = EventInvokeConfig.destinationFunction(entry.functionArn),
                    functionNames.contains(function)
                else {
                    let missing = ErrorDocument.make(
                        type: "ResourceNotFoundException", message: "Function not found: \(entry.functionArn)")
                    try await deadLetters.addDeadLetter(
                        function: EventInvokeConfig.destinationFunction(entry.functionArn) ?? entry.functionArn,
                        requestID: request.requestID, payload: request.payload, error: missing, attempts: 0,
                        condition: "RetriesExhausted")
                    logger.error(
                        "bucket event for a function the emulator does not host moved to dead letters",
                        metadata: ["function": .string(entry.functionArn)])
                    continue
                }
                try await queue.enqueue(function: function, request: request)
            }
            try await outbox.remove(batch)
        }
    }
}
