/// Request and response shapes of the DynamoDB operations the app uses, in the JSON 1.0 wire names.

/// One attribute of a key schema.
public struct KeySchemaElement: Codable, Sendable, Equatable {
    /// `HASH` or `RANGE`.
    public enum KeyType: String, Codable, Sendable { case hash = "HASH", range = "RANGE" }
    public var attributeName: String
    public var keyType: KeyType

    enum CodingKeys: String, CodingKey { case attributeName = "AttributeName", keyType = "KeyType" }

    public init(_ name: String, _ type: KeyType) {
        self.attributeName = name
        self.keyType = type
    }
}

/// The declared scalar type of a key attribute.
public struct AttributeDefinition: Codable, Sendable, Equatable {
    /// `S`, `N` or `B`.
    public enum ScalarType: String, Codable, Sendable { case string = "S", number = "N", binary = "B" }
    public var attributeName: String
    public var attributeType: ScalarType

    enum CodingKeys: String, CodingKey { case attributeName = "AttributeName", attributeType = "AttributeType" }

    public init(_ name: String, _ type: ScalarType) {
        self.attributeName = name
        self.attributeType = type
    }
}

/// CreateTable's input (on-demand billing; indexes are not needed by the app's client).
public struct CreateTableInput: Encodable, Sendable {
    public var tableName: String
    public var keySchema: [KeySchemaElement]
    public var attributeDefinitions: [AttributeDefinition]
    var billingMode = "PAY_PER_REQUEST"

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName", keySchema = "KeySchema", attributeDefinitions = "AttributeDefinitions"
        case billingMode = "BillingMode"
    }

    public init(tableName: String, keySchema: [KeySchemaElement], attributeDefinitions: [AttributeDefinition]) {
        self.tableName = tableName
        self.keySchema = keySchema
        self.attributeDefinitions = attributeDefinitions
    }
}

/// The parts of a table description callers read.
public struct TableDescription: Decodable, Sendable {
    public var tableName: String
    public var tableStatus: String?
    public var keySchema: [KeySchemaElement]?
    public var attributeDefinitions: [AttributeDefinition]?
    public var itemCount: Int?
    public var tableArn: String?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName", tableStatus = "TableStatus", keySchema = "KeySchema"
        case attributeDefinitions = "AttributeDefinitions", itemCount = "ItemCount", tableArn = "TableArn"
    }
}

struct TableDescriptionOutput: Decodable {
    var TableDescription: TableDescription
}

struct TableOutput: Decodable {
    var Table: TableDescription
}

struct TableNameInput: Encodable {
    var TableName: String
}

struct UpdateTimeToLiveInput: Encodable {
    struct Specification: Encodable {
        var Enabled: Bool
        var AttributeName: String
    }
    var TableName: String
    var TimeToLiveSpecification: Specification
}

/// What a write returns of the item (`ReturnValues`).
public enum ReturnValues: String, Encodable, Sendable {
    case none = "NONE", allOld = "ALL_OLD", updatedOld = "UPDATED_OLD", allNew = "ALL_NEW", updatedNew = "UPDATED_NEW"
}

/// A condition or update expression with its placeholders.
public struct Expression: Sendable {
    public var text: String
    public var names: [String: String]
    public var values: DynamoItem

    public init(_ text: String, names: [String: String] = [:], values: DynamoItem = [:]) {
        self.text = text
        self.names = names
        self.values = values
    }
}

struct PutItemInput: Encodable {
    var TableName: String
    var Item: DynamoItem
    var ConditionExpression: String?
    var ExpressionAttributeNames: [String: String]?
    var ExpressionAttributeValues: DynamoItem?
    var ReturnValues: ReturnValues?
    var ReturnValuesOnConditionCheckFailure: String?
}

struct GetItemInput: Encodable {
    var TableName: String
    var Key: DynamoItem
    var ConsistentRead: Bool?
    var ProjectionExpression: String?
    var ExpressionAttributeNames: [String: String]?
}

struct UpdateItemInput: Encodable {
    var TableName: String
    var Key: DynamoItem
    var UpdateExpression: String
    var ConditionExpression: String?
    var ExpressionAttributeNames: [String: String]?
    var ExpressionAttributeValues: DynamoItem?
    var ReturnValues: ReturnValues?
    var ReturnValuesOnConditionCheckFailure: String?
}

struct DeleteItemInput: Encodable {
    var TableName: String
    var Key: DynamoItem
    var ConditionExpression: String?
    var ExpressionAttributeNames: [String: String]?
    var ExpressionAttributeValues: DynamoItem?
    var ReturnValues: ReturnValues?
}

struct ItemOutput: Decodable {
    var Item: DynamoItem?
}

struct AttributesOutput: Decodable {
    var Attributes: DynamoItem?
}

/// Query and Scan input: one shape, the key condition only for Query.
struct ReadManyInput: Encodable {
    var TableName: String
    var IndexName: String?
    var KeyConditionExpression: String?
    var FilterExpression: String?
    var ProjectionExpression: String?
    var ExpressionAttributeNames: [String: String]?
    var ExpressionAttributeValues: DynamoItem?
    var Limit: Int?
    var ExclusiveStartKey: DynamoItem?
    var ScanIndexForward: Bool?
    var ConsistentRead: Bool?
}

/// One page of a Query or Scan.
public struct ItemPage: Decodable, Sendable {
    public var items: [DynamoItem]
    public var count: Int
    /// Where the next page starts; nil on the last page.
    public var lastEvaluatedKey: DynamoItem?

    enum CodingKeys: String, CodingKey { case items = "Items", count = "Count", lastEvaluatedKey = "LastEvaluatedKey" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decodeIfPresent([DynamoItem].self, forKey: .items) ?? []
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? items.count
        lastEvaluatedKey = try container.decodeIfPresent(DynamoItem.self, forKey: .lastEvaluatedKey)
    }
}
