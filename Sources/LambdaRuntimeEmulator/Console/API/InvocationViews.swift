import Foundation

/// An invocation record as the console API writes it: the list's summary, or everything with its log.
struct InvocationView: Encodable {
    var sequence: UInt64
    var requestId: String
    var function: String
    var type: String
    var status: String
    var errorType: String?
    var startedAt: Date
    var durationMs: Double?
    var billedDurationMs: Int?
    var memorySizeMB: Int?
    var maxMemoryUsedMB: Int?
    var initDurationMs: Double?
    var coldStart: Bool?
    var payloadSize: Int
    var responseSize: Int
    var payload: String?
    var response: String?
    var log: String?
    var logTruncated: Bool?

    init(_ record: InvocationRecord, detailed: Bool) {
        sequence = record.sequence
        requestId = record.requestID
        function = record.function
        type = record.origin.rawValue
        status = record.status.rawValue
        errorType = record.errorType
        startedAt = record.startedAt
        durationMs = record.report?.duration.milliseconds
        billedDurationMs = record.report?.billedMilliseconds
        memorySizeMB = record.report?.memorySizeMB
        maxMemoryUsedMB = record.report?.maxMemoryUsedMB
        initDurationMs = record.report?.initDuration?.milliseconds
        coldStart = record.report?.coldStart
        payloadSize = record.payloadSize
        responseSize = record.responseSize
        if detailed {
            payload = String(decoding: record.payload, as: UTF8.self)
            response = String(decoding: record.response, as: UTF8.self)
            log = String(decoding: record.log, as: UTF8.self)
            logTruncated = record.logTruncated
        }
    }
}

/// A page of the invocation list and the history version it was read at (where the live stream resumes).
struct InvocationPage: Encodable {
    var version: UInt64
    var capacity: Int
    var invocations: [InvocationView]
    /// In a stream's batch: more records changed than it carries (the newest are sent).
    var truncated: Bool?
}
