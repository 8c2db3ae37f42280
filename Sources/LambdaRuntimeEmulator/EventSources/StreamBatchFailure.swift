import Foundation
import LocalDynamo

/// A stream batch a mapping gave up, for the dead letters: the records (a replay invokes the function with them
/// again), the last error and Lambda's failure record, which names the record range rather than the records.
struct StreamBatchFailure: Sendable {
    /// `requestContext.condition`: `RetryAttemptsExhausted`, or `RecordAgeExceeded` for records older than
    /// `MaximumRecordAgeInSeconds`.
    var condition: String
    var requestID: String
    /// The included records, oldest first.
    var records: [StreamEventRecord]
    var error: [UInt8]
    /// Invocations of the batch (0 when it expired before any).
    var invokeCount: Int
    var functionArn: String
    var shardID: String
    var streamArn: String
    var time: Date

    var payload: [UInt8] { StreamEventRecord.payload(records) }

    /// Lambda's on-failure record for a DynamoDB stream batch.
    var record: JSON {
        let first = records.first
        let last = records.last
        func arrival(_ event: StreamEventRecord?) -> JSON {
            .string(DestinationRecord.timestamp(Date(timeIntervalSince1970: event?.arrival ?? 0)))
        }
        var document: [String: JSON] = [
            "requestContext": .object([
                "requestId": .string(requestID), "functionArn": .string(functionArn),
                "condition": .string(condition), "approximateInvokeCount": .number(String(invokeCount)),
            ]),
            "version": .string("1.0"),
            "timestamp": .string(DestinationRecord.timestamp(time)),
            "DDBStreamBatchInfo": .object([
                "shardId": .string(shardID),
                "startSequenceNumber": .string(first?.sequenceNumber ?? ""),
                "endSequenceNumber": .string(last?.sequenceNumber ?? ""),
                "approximateArrivalOfFirstRecord": arrival(first),
                "approximateArrivalOfLastRecord": arrival(last),
                "batchSize": .number(String(records.count)),
                "streamArn": .string(streamArn),
            ]),
        ]
        if invokeCount > 0 {
            document["responseContext"] = .object([
                "statusCode": .number("200"), "executedVersion": .string("$LATEST"),
                "functionError": .string("Unhandled"),
            ])
        }
        return .object(document)
    }
}
