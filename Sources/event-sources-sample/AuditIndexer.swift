import AWSClients
import CurlHTTP
import Foundation
import LambdaRuntime

/// The `index` handler: one item in `AUDIT_INDEX_TABLE` per object the bucket notification reports, keyed by
/// the object's key (decoded from the event's URL-encoded form).
struct AuditIndexer: LambdaHandler {
    let dynamo: DynamoDBClient
    let table: String

    init(environment: [String: String]) throws {
        guard let table = environment["AUDIT_INDEX_TABLE"] else { throw MissingSetting(name: "AUDIT_INDEX_TABLE") }
        self.table = table
        dynamo = DynamoDBClient(
            configuration: try AWSConfiguration.fromEnvironment(environment), http: try HTTPClient())
    }

    func handle(_ event: S3Event, context: LambdaContext) async throws -> String {
        for record in event.records {
            var item: DynamoItem = [
                "object": .string(record.s3.object.decodedKey), "bucket": .string(record.s3.bucket.name),
                "event": .string(record.eventName), "time": .string(record.eventTime),
            ]
            if let size = record.s3.object.size { item["size"] = .number(String(size)) }
            if let etag = record.s3.object.eTag { item["etag"] = .string(etag) }
            if let sequencer = record.s3.object.sequencer { item["sequencer"] = .string(sequencer) }
            try await dynamo.putItem(table: table, item: item)
        }
        return "indexed \(event.records.count)"
    }
}
