import BuildingBlocks
import Foundation
import LocalDynamo

/// The invocation record Lambda sends to an `OnSuccess` / `OnFailure` destination.
struct DestinationRecord {
    /// `requestContext.condition`.
    enum Condition: String {
        case success = "Success"
        case retriesExhausted = "RetriesExhausted"
        case eventAgeExceeded = "EventAgeExceeded"
    }

    var requestID: String
    var functionARN: String
    var condition: Condition
    var approximateInvokeCount: Int
    var requestPayload: [UInt8]
    /// The function's result or error document; nil when the function never ran (an event that expired
    /// before its first attempt), in which case the record has no response fields.
    var responsePayload: [UInt8]?
    var isFunctionError: Bool
    var timestamp: Date

    /// The record as JSON: `version`, `timestamp`, `requestContext`, `requestPayload`, `responseContext`,
    /// `responsePayload`. Payloads that are not JSON are embedded as JSON strings.
    var json: [UInt8] {
        var text = #"{"version":"1.0","timestamp":\#(JSONText.quote(Self.timestamp(timestamp)))"#
        text += #","requestContext":{"requestId":\#(JSONText.quote(requestID))"#
        text += #","functionArn":\#(JSONText.quote(functionARN + ":$LATEST"))"#
        text += #","condition":"\#(condition.rawValue)","approximateInvokeCount":\#(approximateInvokeCount)}"#
        text += #","requestPayload":\#(Self.embedded(requestPayload))"#
        if let responsePayload {
            text += #","responseContext":{"statusCode":200,"executedVersion":"$LATEST""#
            if isFunctionError { text += #","functionError":"Unhandled""# }
            text += #"},"responsePayload":\#(Self.embedded(responsePayload))"#
        }
        return Array((text + "}").utf8)
    }

    /// JSON bytes as they are; anything else as a JSON string.
    static func embedded(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        // Only whether it parses matters here; the parser's error is not needed.
        if !bytes.isEmpty, (try? JSON.parse(bytes)) != nil { return text }
        return JSONText.quote(text)
    }

    /// ISO-8601 with milliseconds and `Z`, as in Lambda's records.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
