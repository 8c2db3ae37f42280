import Foundation
import Hummingbird
import LocalDynamo

/// `/_console/api/tables`: LocalDynamo's tables (description and TTL), a page of items (Scan with
/// `ExclusiveStartKey`), a Query by partition key, and DeleteItem; run in-process on the engine, off Swift's
/// cooperative threads (`handleGrouped` runs on LocalDynamo's I/O threads).
struct TablesAPI {
    let engine: DynamoEngine?
    static let defaultPageSize = 25

    func register(_ routes: ConsoleRoutes) {
        routes.get("/_console/api/tables") { _, _ in
            let engine = try available()
            let listed = try await call(engine, "ListTables", [:])
            var tables: [JSON] = []
            for case .string(let name) in listed.objectValue?["TableNames"].flatMap(Self.array) ?? [] {
                tables.append(try await describe(engine, name))
            }
            return ConsoleResponses.raw(JSON.object(["tables": .array(tables)]).serialized())
        }
        routes.get("/_console/api/tables/:name") { _, context in
            ConsoleResponses.raw(try await describe(try available(), Request.parameter(context, "name")).serialized())
        }
        routes.get("/_console/api/tables/:name/items") { request, context in
            var scan: [String: JSON] = [
                "TableName": .string(Request.parameter(context, "name")),
                "Limit": .number(String(try Self.limit(request))),
            ]
            if let start = try Self.startKey(request) { scan["ExclusiveStartKey"] = start }
            return ConsoleResponses.raw(try await call(try available(), "Scan", scan).serialized())
        }
        routes.get("/_console/api/tables/:name/query") { request, context in
            let engine = try available()
            let name = Request.parameter(context, "name")
            guard let value = request.query("value"), !value.isEmpty else {
                throw ConsoleError.badRequest("value (the partition key to look for) is required")
            }
            let index = request.query("index").flatMap { $0.isEmpty ? nil : $0 }
            let table = try await call(engine, "DescribeTable", ["TableName": .string(name)])
            let (attribute, type) = try Self.partitionKey(of: table, index: index)
            var query: [String: JSON] = [
                "TableName": .string(name), "Limit": .number(String(try Self.limit(request))),
                "KeyConditionExpression": .string("#pk = :pk"),
                "ExpressionAttributeNames": .object(["#pk": .string(attribute)]),
                "ExpressionAttributeValues": .object([":pk": .object([type: .string(value)])]),
            ]
            if let index { query["IndexName"] = .string(index) }
            if let start = try Self.startKey(request) { query["ExclusiveStartKey"] = start }
            return ConsoleResponses.raw(try await call(engine, "Query", query).serialized())
        }
        routes.post("/_console/api/tables/:name/delete-item") { request, context in
            let body = try await request.bodyBytes(limit: 64 * 1024)
            let shape = #"the body must be {"Key": {...}} in DynamoDB JSON"#
            guard let key = try Self.object(body, shape: shape)["Key"] else { throw ConsoleError.badRequest(shape) }
            let deleted = try await call(
                try available(), "DeleteItem",
                [
                    "TableName": .string(Request.parameter(context, "name")), "Key": key,
                    "ReturnValues": .string("ALL_OLD"),
                ])
            return ConsoleResponses.raw(deleted.serialized())
        }
    }

    private func available() throws -> DynamoEngine {
        guard let engine else {
            throw ConsoleError.unavailable("LocalDynamo is not running (serve --no-local-services)")
        }
        return engine
    }

    /// `{"Table": DescribeTable's Table, "TimeToLiveDescription": ...}`.
    private func describe(_ engine: DynamoEngine, _ name: String) async throws -> JSON {
        let table = try await call(engine, "DescribeTable", ["TableName": .string(name)])
        let ttl = try await call(engine, "DescribeTimeToLive", ["TableName": .string(name)])
        return .object([
            "Table": table.objectValue?["Table"] ?? .null,
            "TimeToLiveDescription": ttl.objectValue?["TimeToLiveDescription"] ?? .null,
        ])
    }

    /// Runs one DynamoDB operation; a refusal becomes the console's error with DynamoDB's exception name.
    private func call(_ engine: DynamoEngine, _ operation: String, _ request: [String: JSON]) async throws -> JSON {
        let (status, body) = await engine.handleGrouped(operation: operation, body: JSON.object(request).serialized())
        // LocalDynamo always answers JSON; were it not to, the status and the fallback message below say so.
        let answer = try? JSON.parse(body)
        guard status == 200, let answer else {
            let members = answer?.objectValue ?? [:]
            var code = "InternalServerError"
            if case .string(let type)? = members["__type"] { code = String(type.split(separator: "#").last ?? "") }
            var message = "LocalDynamo answered \(status)"
            if case .string(let text)? = members["message"] ?? members["Message"] { message = text }
            throw ConsoleError(status: status == 200 ? 500 : status, code: code, message: message)
        }
        return answer
    }

    /// The hash attribute of the table (or of `index`) and its type letter.
    static func partitionKey(of description: JSON, index: String?) throws -> (String, String) {
        guard case .object(let table)? = description.objectValue?["Table"] else {
            throw ConsoleError.internal("DescribeTable answered without a Table")
        }
        var schema = table["KeySchema"]
        if let index {
            let indexes =
                (table["GlobalSecondaryIndexes"].flatMap(array) ?? [])
                + (table["LocalSecondaryIndexes"].flatMap(array) ?? [])
            guard let found = indexes.first(where: { $0.objectValue?["IndexName"] == .string(index) }) else {
                throw ConsoleError.notFound("the table has no index named '\(index)'")
            }
            schema = found.objectValue?["KeySchema"]
        }
        let hash = (schema.flatMap(array) ?? []).first { $0.objectValue?["KeyType"] == .string("HASH") }
        guard case .string(let attribute)? = hash?.objectValue?["AttributeName"] else {
            throw ConsoleError.internal("the key schema names no HASH attribute")
        }
        let definition = (table["AttributeDefinitions"].flatMap(array) ?? []).first {
            $0.objectValue?["AttributeName"] == .string(attribute)
        }
        guard case .string(let type)? = definition?.objectValue?["AttributeType"] else {
            throw ConsoleError.internal("no attribute definition for \(attribute)")
        }
        return (attribute, type)
    }

    static func array(_ value: JSON) -> [JSON]? {
        if case .array(let values) = value { return values }
        return nil
    }

    static func limit(_ request: Request) throws -> Int {
        guard let text = request.query("limit") else { return defaultPageSize }
        guard let value = Int(text), (1...1000).contains(value) else {
            throw ConsoleError.badRequest("limit must be a number from 1 to 1000, not '\(text)'")
        }
        return value
    }

    /// `start`: the previous page's `LastEvaluatedKey`, as DynamoDB JSON.
    static func startKey(_ request: Request) throws -> JSON? {
        guard let text = request.query("start"), !text.isEmpty else { return nil }
        return .object(try object(Array(text.utf8), shape: "start must be a LastEvaluatedKey in DynamoDB JSON"))
    }

    /// The members of a JSON object; anything else is a bad request saying what was expected (`shape`) and,
    /// for text that is not JSON, where it stops being JSON.
    static func object(_ bytes: [UInt8], shape: String) throws -> [String: JSON] {
        let value: JSON
        do {
            value = try JSON.parse(bytes)
        } catch {
            throw ConsoleError.badRequest("\(shape) (unexpected character at byte \(error.offset))")
        }
        guard let members = value.objectValue else { throw ConsoleError.badRequest(shape) }
        return members
    }
}
