import Foundation
import LocalDynamo
import LocalS3

/// Creates the template's tables in LocalDynamo and buckets in LocalS3, as a deployment would.
/// Idempotent: a table or bucket kept from an earlier run (same data directory) is left with its data,
/// and its TTL, CORS, website and lifecycle settings are brought in line with the template.
public enum TemplateProvisioner {
    /// What was created (false: it already existed).
    public struct Outcome: Sendable, Equatable {
        public var tables: [String: Bool] = [:]
        public var buckets: [String: Bool] = [:]
    }

    public static func provision(
        tables: [TemplateTable], buckets: [TemplateBucket], engine: DynamoEngine, store: FileStore, now: Date = Date()
    ) throws -> Outcome {
        var outcome = Outcome()
        for table in tables { outcome.tables[table.name] = try create(table, in: engine) }
        for bucket in buckets { outcome.buckets[bucket.name] = try create(bucket, in: store, now: now) }
        return outcome
    }

    static func create(_ table: TemplateTable, in engine: DynamoEngine) throws -> Bool {
        let created = try createIfMissing(table, in: engine)
        if !created { try TemplateStreams.align(table, in: engine) }
        let described = try engine.perform("DescribeTimeToLive", .object(["TableName": .string(table.name)]))
        let status = described.objectValue?["TimeToLiveDescription"]?.objectValue?["TimeToLiveStatus"]
        if let attribute = table.ttlAttribute, status != .string("ENABLED") {
            let specification: [String: JSON] = ["AttributeName": .string(attribute), "Enabled": .bool(true)]
            let request: [String: JSON] = [
                "TableName": .string(table.name), "TimeToLiveSpecification": .object(specification),
            ]
            _ = try engine.perform("UpdateTimeToLive", .object(request))
        }
        return created
    }

    /// Creates the table; false when it already exists.
    static func createIfMissing(_ table: TemplateTable, in engine: DynamoEngine) throws(DynamoError) -> Bool {
        do {
            _ = try engine.perform("CreateTable", createTableRequest(table))
            return true
        } catch {
            if error.kind == .resourceInUse { return false }
            throw error
        }
    }

    static func createTableRequest(_ table: TemplateTable) -> JSON {
        var definitions: [JSON] = []
        for definition in table.attributeDefinitions {
            definitions.append(
                .object(["AttributeName": .string(definition.name), "AttributeType": .string(definition.type)]))
        }
        var request: [String: JSON] = [
            "TableName": .string(table.name), "AttributeDefinitions": .array(definitions),
            "KeySchema": keys(table.keySchema), "BillingMode": .string("PAY_PER_REQUEST"),
        ]
        if !table.globalIndexes.isEmpty { request["GlobalSecondaryIndexes"] = indexes(table.globalIndexes) }
        if !table.localIndexes.isEmpty { request["LocalSecondaryIndexes"] = indexes(table.localIndexes) }
        if let viewType = table.streamViewType {
            request["StreamSpecification"] = .object([
                "StreamEnabled": .bool(true), "StreamViewType": .string(viewType),
            ])
        }
        return .object(request)
    }

    static func keys(_ elements: [TemplateTable.KeyElement]) -> JSON {
        var keys: [JSON] = []
        for element in elements {
            keys.append(.object(["AttributeName": .string(element.attribute), "KeyType": .string(element.keyType)]))
        }
        return .array(keys)
    }

    static func indexes(_ list: [TemplateTable.Index]) -> JSON {
        var indexes: [JSON] = []
        for index in list {
            var projection: [String: JSON] = ["ProjectionType": .string(index.projectionType)]
            if !index.nonKeyAttributes.isEmpty {
                var attributes: [JSON] = []
                for attribute in index.nonKeyAttributes { attributes.append(.string(attribute)) }
                projection["NonKeyAttributes"] = .array(attributes)
            }
            indexes.append(
                .object([
                    "IndexName": .string(index.name), "KeySchema": keys(index.keySchema),
                    "Projection": .object(projection),
                ]))
        }
        return .array(indexes)
    }

    static func create(_ bucket: TemplateBucket, in store: FileStore, now: Date) throws -> Bool {
        let created = try store.createBucket(bucket.name, now: now)
        try store.updateBucketConfiguration(bucket.name) { configuration in
            configuration.cors = bucket.cors
            configuration.website = bucket.website
            configuration.lifecycle = bucket.lifecycle
            configuration.notification = bucket.notification
        }
        return created
    }
}
