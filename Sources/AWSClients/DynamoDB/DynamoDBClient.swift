import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A DynamoDB client speaking the JSON 1.0 protocol (`X-Amz-Target: DynamoDB_20120810.<Operation>`).
public struct DynamoDBClient: Sendable {
    let transport: AWSTransport

    public init(
        configuration: AWSConfiguration, http: any HTTPExecuting, now: @escaping @Sendable () -> Date = Date.init,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        transport = AWSTransport(
            http: http, configuration: configuration, service: .dynamodb, now: now, sleep: sleep,
            decodeError: Self.decodeError)
    }

    /// Calls one operation with a JSON body and decodes its JSON answer.
    func call<Output: Decodable>(_ operation: String, _ input: some Encodable, as output: Output.Type)
        async throws(AWSClientError) -> Output
    {
        let body: Data
        do { body = try JSONEncoder().encode(input) } catch {
            throw .invalidRequest("cannot encode \(operation): \(error)")
        }
        let request = AWSRequest(
            method: .post, endpoint: transport.configuration.endpoint(for: .dynamodb), path: "/",
            headers: [
                ("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.\(operation)"),
            ],
            body: .data(body))
        let response = try await transport.send(request)
        do {
            return try JSONDecoder().decode(Output.self, from: Data(response.body))
        } catch {
            throw .invalidResponse("\(operation) answered with an unexpected body: \(error)")
        }
    }

    /// Reads a DynamoDB error body: `{"__type": "ns#Code", "message": "..."}`; a failed condition
    /// becomes its own case, with the existing item when `ReturnValuesOnConditionCheckFailure` asked for it.
    static func decodeError(_ response: HTTPResponse) -> AWSClientError {
        let error = JSONErrorDecoding.serviceError(response)
        guard error.code == "ConditionalCheckFailedException" else { return .service(error) }
        struct FailedCondition: Decodable { var Item: DynamoItem? }
        // The old item is there only when the request asked for it; any other body means "no item".
        let item = try? JSONDecoder().decode(FailedCondition.self, from: Data(response.body)).Item
        return .conditionalCheckFailed(item: item ?? nil)
    }
}

/// The empty answer of writes with `ReturnValues: NONE`.
struct EmptyOutput: Decodable {}

extension DynamoDBClient {
    /// Creates an on-demand table.
    @discardableResult
    public func createTable(_ input: CreateTableInput) async throws(AWSClientError) -> TableDescription {
        try await call("CreateTable", input, as: TableDescriptionOutput.self).TableDescription
    }

    /// Describes a table; a missing table is `.service` with code `ResourceNotFoundException`.
    public func describeTable(_ name: String) async throws(AWSClientError) -> TableDescription {
        try await call("DescribeTable", TableNameInput(TableName: name), as: TableOutput.self).Table
    }

    /// Turns time-to-live deletion on for `attribute` (epoch seconds).
    public func updateTimeToLive(table: String, attribute: String, enabled: Bool = true)
        async throws(AWSClientError)
    {
        let input = UpdateTimeToLiveInput(
            TableName: table, TimeToLiveSpecification: .init(Enabled: enabled, AttributeName: attribute))
        _ = try await call("UpdateTimeToLive", input, as: EmptyOutput.self)
    }

    /// Writes an item, optionally only when `condition` holds; returns the old item with `.allOld`.
    @discardableResult
    public func putItem(
        table: String, item: DynamoItem, condition: Expression? = nil, returnValues: ReturnValues = .none,
        returnOldItemOnConditionFailure: Bool = false
    ) async throws(AWSClientError) -> DynamoItem? {
        let input = PutItemInput(
            TableName: table, Item: item, ConditionExpression: condition?.text,
            ExpressionAttributeNames: condition?.names.nilIfEmpty,
            ExpressionAttributeValues: condition?.values.nilIfEmpty,
            ReturnValues: returnValues == .none ? nil : returnValues,
            ReturnValuesOnConditionCheckFailure: returnOldItemOnConditionFailure ? "ALL_OLD" : nil)
        return try await call("PutItem", input, as: AttributesOutput.self).Attributes
    }

    /// Reads an item by its key; nil when there is none.
    public func getItem(
        table: String, key: DynamoItem, consistentRead: Bool = false, projection: Expression? = nil
    ) async throws(AWSClientError) -> DynamoItem? {
        let input = GetItemInput(
            TableName: table, Key: key, ConsistentRead: consistentRead ? true : nil,
            ProjectionExpression: projection?.text, ExpressionAttributeNames: projection?.names.nilIfEmpty)
        return try await call("GetItem", input, as: ItemOutput.self).Item
    }

    /// Applies an update expression (an upsert), optionally only when `condition` holds.
    /// Both expressions share one set of placeholders, as DynamoDB requires.
    @discardableResult
    public func updateItem(
        table: String, key: DynamoItem, update: Expression, condition: String? = nil,
        returnValues: ReturnValues = .none, returnOldItemOnConditionFailure: Bool = false
    ) async throws(AWSClientError) -> DynamoItem? {
        let input = UpdateItemInput(
            TableName: table, Key: key, UpdateExpression: update.text, ConditionExpression: condition,
            ExpressionAttributeNames: update.names.nilIfEmpty, ExpressionAttributeValues: update.values.nilIfEmpty,
            ReturnValues: returnValues == .none ? nil : returnValues,
            ReturnValuesOnConditionCheckFailure: returnOldItemOnConditionFailure ? "ALL_OLD" : nil)
        return try await call("UpdateItem", input, as: AttributesOutput.self).Attributes
    }

    /// Deletes an item, optionally only when `condition` holds; returns the old item with `.allOld`.
    @discardableResult
    public func deleteItem(
        table: String, key: DynamoItem, condition: Expression? = nil, returnValues: ReturnValues = .none
    ) async throws(AWSClientError) -> DynamoItem? {
        let input = DeleteItemInput(
            TableName: table, Key: key, ConditionExpression: condition?.text,
            ExpressionAttributeNames: condition?.names.nilIfEmpty,
            ExpressionAttributeValues: condition?.values.nilIfEmpty,
            ReturnValues: returnValues == .none ? nil : returnValues)
        return try await call("DeleteItem", input, as: AttributesOutput.self).Attributes
    }

    /// One page of a Query; pass the page's `lastEvaluatedKey` as `startKey` for the next.
    public func query(
        table: String, index: String? = nil, keyCondition: Expression, filter: String? = nil,
        limit: Int? = nil, startKey: DynamoItem? = nil, forward: Bool = true, consistentRead: Bool = false
    ) async throws(AWSClientError) -> ItemPage {
        let input = ReadManyInput(
            TableName: table, IndexName: index, KeyConditionExpression: keyCondition.text, FilterExpression: filter,
            ExpressionAttributeNames: keyCondition.names.nilIfEmpty,
            ExpressionAttributeValues: keyCondition.values.nilIfEmpty, Limit: limit, ExclusiveStartKey: startKey,
            ScanIndexForward: forward ? nil : false, ConsistentRead: consistentRead ? true : nil)
        return try await call("Query", input, as: ItemPage.self)
    }

    /// One page of a Scan, optionally filtered.
    public func scan(
        table: String, filter: Expression? = nil, limit: Int? = nil, startKey: DynamoItem? = nil
    ) async throws(AWSClientError) -> ItemPage {
        let input = ReadManyInput(
            TableName: table, FilterExpression: filter?.text, ExpressionAttributeNames: filter?.names.nilIfEmpty,
            ExpressionAttributeValues: filter?.values.nilIfEmpty, Limit: limit, ExclusiveStartKey: startKey)
        return try await call("Scan", input, as: ItemPage.self)
    }
}

extension Dictionary {
    /// nil for an empty dictionary, so optional JSON members are left out rather than sent empty.
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
