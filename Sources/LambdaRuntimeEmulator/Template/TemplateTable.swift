import Yams

/// An `AWS::DynamoDB::Table` of the template: what `serve` creates in LocalDynamo.
public struct TemplateTable: Sendable, Equatable {
    /// One key element: attribute name and `HASH` or `RANGE`.
    public struct KeyElement: Sendable, Equatable {
        public var attribute: String
        public var keyType: String
    }

    /// A global or local secondary index.
    public struct Index: Sendable, Equatable {
        public var name: String
        public var keySchema: [KeyElement]
        /// `ALL`, `KEYS_ONLY` or `INCLUDE`.
        public var projectionType: String
        public var nonKeyAttributes: [String]
    }

    /// A key attribute's name and type (`S`, `N` or `B`).
    public struct AttributeDefinition: Sendable, Equatable {
        public var name: String
        public var type: String
    }

    public var logicalID: String
    public var name: String
    public var attributeDefinitions: [AttributeDefinition]
    public var keySchema: [KeyElement]
    public var globalIndexes: [Index]
    public var localIndexes: [Index]
    /// The `TimeToLiveSpecification` attribute when enabled.
    public var ttlAttribute: String?
    /// `StreamSpecification.StreamViewType`: the table has a stream with this view type.
    public var streamViewType: String?

    /// Properties honoured locally, and those that only matter on AWS (accepted, no local effect).
    static let properties: Set<String> = [
        "TableName", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
        "TimeToLiveSpecification", "BillingMode", "ProvisionedThroughput", "SSESpecification",
        "PointInTimeRecoverySpecification", "DeletionProtectionEnabled", "Tags", "TableClass", "StreamSpecification",
    ]

    init(logicalID: String, name: String, properties node: Node?, reader: TemplateReader) throws(TemplateError) {
        let path = "Resources.\(logicalID).Properties"
        guard let node else { throw .missingSection(path) }
        let properties = try reader.mapping(node, path: path, known: Self.properties)
        self.logicalID = logicalID
        self.name = name
        guard let definitions = properties["AttributeDefinitions"] else {
            throw .missingSection("\(path).AttributeDefinitions")
        }
        attributeDefinitions = try reader.list(definitions, path: "\(path).AttributeDefinitions") {
            (item: Node, itemPath: String) throws(TemplateError) -> AttributeDefinition in
            let fields = try reader.mapping(item, path: itemPath, known: ["AttributeName", "AttributeType"])
            guard let name = fields["AttributeName"], let type = fields["AttributeType"] else {
                throw .missingSection("\(itemPath).AttributeName/AttributeType")
            }
            let typeText = try reader.string(type, path: "\(itemPath).AttributeType")
            guard ["S", "N", "B"].contains(typeText) else {
                throw .invalidValue(path: "\(itemPath).AttributeType", expected: "S, N or B")
            }
            return AttributeDefinition(name: try reader.string(name, path: "\(itemPath).AttributeName"), type: typeText)
        }
        guard let keys = properties["KeySchema"] else { throw .missingSection("\(path).KeySchema") }
        keySchema = try Self.keySchema(keys, path: "\(path).KeySchema", reader: reader)
        var global: [Index] = []
        if let node = properties["GlobalSecondaryIndexes"] {
            global = try Self.indexes(node, path: "\(path).GlobalSecondaryIndexes", reader: reader)
        }
        var local: [Index] = []
        if let node = properties["LocalSecondaryIndexes"] {
            local = try Self.indexes(node, path: "\(path).LocalSecondaryIndexes", reader: reader)
        }
        globalIndexes = global
        localIndexes = local
        if let stream = properties["StreamSpecification"] {
            let streamPath = "\(path).StreamSpecification"
            let fields = try reader.mapping(stream, path: streamPath, known: ["StreamViewType"])
            guard let viewType = try reader.optionalString(fields, "StreamViewType", path: streamPath),
                ["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"].contains(viewType)
            else {
                throw .invalidValue(
                    path: "\(streamPath).StreamViewType",
                    expected: "NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY")
            }
            streamViewType = viewType
        }
        if let ttl = properties["TimeToLiveSpecification"] {
            let ttlPath = "\(path).TimeToLiveSpecification"
            let fields = try reader.mapping(ttl, path: ttlPath, known: ["AttributeName", "Enabled"])
            if try reader.optionalBoolean(fields, "Enabled", path: ttlPath) == true {
                guard let attribute = try reader.optionalString(fields, "AttributeName", path: ttlPath) else {
                    throw .missingSection("\(ttlPath).AttributeName")
                }
                ttlAttribute = attribute
            }
        }
    }

    static func keySchema(_ node: Node, path: String, reader: TemplateReader) throws(TemplateError) -> [KeyElement] {
        let elements = try reader.list(node, path: path) {
            (item: Node, itemPath: String) throws(TemplateError) -> KeyElement in
            let fields = try reader.mapping(item, path: itemPath, known: ["AttributeName", "KeyType"])
            guard let name = fields["AttributeName"], let type = fields["KeyType"] else {
                throw .missingSection("\(itemPath).AttributeName/KeyType")
            }
            let keyType = try reader.string(type, path: "\(itemPath).KeyType")
            guard keyType == "HASH" || keyType == "RANGE" else {
                throw .invalidValue(path: "\(itemPath).KeyType", expected: "HASH or RANGE")
            }
            return KeyElement(attribute: try reader.string(name, path: "\(itemPath).AttributeName"), keyType: keyType)
        }
        guard (1...2).contains(elements.count), elements[0].keyType == "HASH" else {
            throw .invalidValue(path: path, expected: "a HASH key, then optionally a RANGE key")
        }
        return elements
    }

    static func indexes(_ node: Node, path: String, reader: TemplateReader) throws(TemplateError) -> [Index] {
        let known: Set<String> = [
            "IndexName", "KeySchema", "Projection", "ProvisionedThroughput", "ContributorInsightsSpecification",
        ]
        return try reader.list(node, path: path) { (item: Node, itemPath: String) throws(TemplateError) -> Index in
            let fields = try reader.mapping(item, path: itemPath, known: known)
            guard let name = fields["IndexName"] else { throw .missingSection("\(itemPath).IndexName") }
            guard let keys = fields["KeySchema"] else { throw .missingSection("\(itemPath).KeySchema") }
            var index = Index(
                name: try reader.string(name, path: "\(itemPath).IndexName"),
                keySchema: try keySchema(keys, path: "\(itemPath).KeySchema", reader: reader),
                projectionType: "ALL", nonKeyAttributes: [])
            if let projection = fields["Projection"] {
                let projectionPath = "\(itemPath).Projection"
                let parts = try reader.mapping(
                    projection, path: projectionPath, known: ["ProjectionType", "NonKeyAttributes"])
                if let type = parts["ProjectionType"] {
                    index.projectionType = try reader.string(type, path: "\(projectionPath).ProjectionType")
                }
                if let attributes = parts["NonKeyAttributes"] {
                    index.nonKeyAttributes = try reader.strings(attributes, path: "\(projectionPath).NonKeyAttributes")
                }
            }
            return index
        }
    }
}
