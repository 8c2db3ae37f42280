import AWSClients
import CurlHTTP
import Foundation
import LambdaRuntime

/// A configuration value the sample needs is missing.
struct MissingSetting: Error, CustomStringConvertible {
    let name: String
    var description: String { "\(name) is not set" }
}

/// The `audit` handler: one JSON object per stream record in `AUDIT_BUCKET`, at
/// `audit/<item key>/<sequence number>.json`. A record whose object cannot be written is reported as the
/// batch's first failure (`ReportBatchItemFailures`), so the mapping resumes there.
struct AuditWriter: LambdaHandler {
    /// What one audit object holds.
    struct Entry: Encodable {
        var eventName: String
        var sequenceNumber: String
        var keys: [String: JSONValue]
        var newImage: [String: JSONValue]?
        var oldImage: [String: JSONValue]?
        /// True for a deletion by Time to Live.
        var expired: Bool
    }

    let s3: S3Client
    let bucket: String

    init(environment: [String: String]) throws {
        guard let bucket = environment["AUDIT_BUCKET"] else { throw MissingSetting(name: "AUDIT_BUCKET") }
        self.bucket = bucket
        s3 = S3Client(configuration: try AWSConfiguration.fromEnvironment(environment), http: try HTTPClient())
    }

    func handle(_ event: DynamoDBStreamEvent, context: LambdaContext) async throws -> StreamsEventResponse {
        for record in event.records {
            let entry = Entry(
                eventName: record.eventName, sequenceNumber: record.dynamodb.sequenceNumber, keys: record.dynamodb.keys,
                newImage: record.dynamodb.newImage, oldImage: record.dynamodb.oldImage,
                expired: record.userIdentity?.type == "Service")
            let key = "audit/\(Self.keyText(record.dynamodb.keys))/\(record.dynamodb.sequenceNumber).json"
            do {
                try await s3.putObject(
                    bucket: bucket, key: key, body: .bytes(Array(try JSONEncoder().encode(entry))),
                    contentType: "application/json")
            } catch {
                context.logger.error("audit object not written", metadata: ["key": "\(key)", "error": "\(error)"])
                return StreamsEventResponse(batchItemFailures: [.init(itemIdentifier: record.dynamodb.sequenceNumber)])
            }
        }
        return StreamsEventResponse()
    }

    /// The item's key values (`{"S":"a"}` → `a`), joined by `_` in attribute-name order.
    static func keyText(_ keys: [String: JSONValue]) -> String {
        keys.sorted { $0.key < $1.key }.map { _, value in
            guard case .object(let typed) = value, let (_, inner) = typed.first else { return "?" }
            switch inner {
            case .string(let text): return text
            case .number(let number): return String(number)
            default: return "?"
            }
        }.joined(separator: "_")
    }
}
