import BuildingBlocks

/// CreateTable: validates the key schema, attribute definitions, billing and indexes; the table is ACTIVE at once.
enum CreateTable {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let name = try request.tableName()
        var definition = try TableDefinition.validated(
            from: request.members, id: try storage.nextTableID(), created: clock.now.secondsSinceEpoch)
        if let tags = try request.array("Tags") { _ = try TagSupport.merged([], try TagSupport.parse(tags)) }
        guard storage.tables[name] == nil else { throw DynamoError(.resourceInUse, "Table already exists: \(name)") }
        definition.ttlAttribute = nil
        let specification = try StreamSupport.specification(request)
        if specification?.enabled != true { definition.request["StreamSpecification"] = nil }
        try storage.transaction { () throws(DynamoError) in
            if let specification, specification.enabled, let viewType = specification.viewType {
                definition.latestStream = try storage.createStream(definition, viewType: viewType)
            }
            try storage.createTable(definition)
        }
        return .object(["TableDescription": try TableDescription.json(definition, storage: storage)])
    }
}

extension TableDefinition {
    /// Builds a definition from a CreateTable request, enforcing DynamoDB's rules for every member.
    static func validated(from members: [String: JSON], id: Int64, created: Double) throws(DynamoError)
        -> TableDefinition
    {
        let request = RequestReader(members)
        let name = try request.tableName()
        guard let attributeList = try request.array("AttributeDefinitions") else {
            throw RequestReader.missing("AttributeDefinitions")
        }
        var definitions: [KeyAttribute] = []
        for entry in attributeList {
            guard let object = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
            let reader = RequestReader(object)
            let attributeName = try reader.requiredString("AttributeName")
            try checkKeyName(attributeName, field: "attributeDefinitions.\(definitions.count + 1).member.attributeName")
            let typeName = try reader.choice("AttributeType", ["S", "N", "B"], default: "")
            guard let type = KeyType(rawValue: typeName) else { throw RequestReader.missing("AttributeType") }
            if definitions.contains(where: { $0.name == attributeName }) {
                throw .invalidParameter("Duplicate AttributeName in AttributeDefinitions: \(attributeName)")
            }
            definitions.append(KeyAttribute(name: attributeName, type: type))
        }
        guard let keyList = try request.array("KeySchema") else { throw RequestReader.missing("KeySchema") }
        let key = try keySchema(keyList, definitions: definitions, field: "keySchema")

        let billing = try request.choice("BillingMode", ["PROVISIONED", "PAY_PER_REQUEST"], default: "PROVISIONED")
        let throughput = try request.object("ProvisionedThroughput")
        try checkThroughput(billing: billing, throughput: throughput, owner: nil)

        var indexes: [IndexDefinition] = []
        for (field, isGlobal) in [("GlobalSecondaryIndexes", true), ("LocalSecondaryIndexes", false)] {
            guard let list = try request.array(field) else { continue }
            guard !list.isEmpty else {
                throw .invalidParameter(
                    "List of \(isGlobal ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes") is empty")
            }
            for entry in list {
                guard let object = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
                let reader = RequestReader(object)
                let indexName = try reader.tableName("IndexName")
                guard let indexKeyList = try reader.array("KeySchema") else { throw RequestReader.missing("KeySchema") }
                let indexKey = try keySchema(
                    indexKeyList, definitions: definitions, field: "keySchema", composite: isGlobal)
                if !isGlobal {
                    guard key.range != nil else {
                        throw .invalidParameter(
                            "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex"
                        )
                    }
                    guard indexKey.hash == key.hash, indexKey.range != nil else {
                        throw .invalidParameter(
                            "Index KeySchema does not have the same leading hash key as table KeySchema for index: \(indexName). index hash key: \(indexKey.hash.name), table hash key: \(key.hash.name)"
                        )
                    }
                } else {
                    try checkThroughput(
                        billing: billing, throughput: try reader.object("ProvisionedThroughput"), owner: indexName)
                }
                guard let projectionObject = try reader.object("Projection") else {
                    throw RequestReader.missing("Projection")
                }
                let projection = try indexProjection(RequestReader(projectionObject))
                if indexes.contains(where: { $0.name == indexName }) {
                    throw .invalidParameter("Duplicate index name: \(indexName)")
                }
                indexes.append(
                    IndexDefinition(name: indexName, isGlobal: isGlobal, key: indexKey, projection: projection))
            }
        }
        let used = Set(key.names + indexes.flatMap(\.key.names))
        let defined = Set(definitions.map(\.name))
        if used != defined {
            if indexes.isEmpty {
                throw .invalidParameter(
                    "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
                )
            }
            throw .invalidParameter(
                "Some AttributeDefinitions are not used. AttributeDefinitions: [\(definitions.map(\.name).joined(separator: ", "))], keys used: [\(used.sorted().joined(separator: ", "))]"
            )
        }
        return TableDefinition(
            name: name, id: id, key: key, attributeDefinitions: definitions, indexes: indexes, created: created,
            ttlAttribute: nil, request: members)
    }

    /// A KeySchema: 1 HASH and at most 1 RANGE element, or for a global secondary index (`composite`) up to
    /// 4 HASH elements followed by up to 4 RANGE elements.
    private static func keySchema(
        _ list: [JSON], definitions: [KeyAttribute], field: String, composite: Bool = false
    ) throws(DynamoError) -> KeySchema {
        let maximum = composite ? 2 * KeySchema.maximumComposite : 2
        guard (1...maximum).contains(list.count) else {
            throw .validation(
                "1 validation error detected: Value '\(list.count)' at '\(field)' failed to satisfy constraint: Member must have length \(list.isEmpty ? "greater than or equal to 1" : "less than or equal to \(maximum)")"
            )
        }
        var elements: [(name: String, type: String)] = []
        for entry in list {
            guard let object = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
            let reader = RequestReader(object)
            let name = try reader.requiredString("AttributeName")
            try checkKeyName(name, field: "\(field).\(elements.count + 1).member.attributeName")
            elements.append((name, try reader.choice("KeyType", ["HASH", "RANGE"], default: "")))
        }
        guard elements[0].type == "HASH" else {
            throw .invalidParameter("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
        }
        if composite, elements.count > 2 || elements.dropFirst().contains(where: { $0.type == "HASH" }) {
            return try compositeKeySchema(elements, definitions: definitions)
        }
        if elements.count == 2 {
            guard elements[1].type == "RANGE" else {
                throw .invalidParameter("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type")
            }
            guard elements[0].name != elements[1].name else {
                throw .invalidParameter(
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name")
            }
        }
        return KeySchema(
            hash: try keyAttribute(elements[0].name, elements: elements, definitions: definitions),
            range: elements.count == 2
                ? try keyAttribute(elements[1].name, elements: elements, definitions: definitions) : nil)
    }

    /// The definition of a key attribute named in a KeySchema.
    static func keyAttribute(
        _ name: String, elements: [(name: String, type: String)], definitions: [KeyAttribute]
    ) throws(DynamoError) -> KeyAttribute {
        guard let definition = definitions.first(where: { $0.name == name }) else {
            throw .invalidParameter(
                "Some index key attributes are not defined in AttributeDefinitions. Keys: [\(elements.map(\.name).joined(separator: ", "))], AttributeDefinitions: [\(definitions.map(\.name).joined(separator: ", "))]"
            )
        }
        return definition
    }

    /// Key attribute names are 1 to 255 bytes.
    static func checkKeyName(_ name: String, field: String) throws(DynamoError) {
        let length = name.utf8.count
        guard length < 1 || length > 255 else { return }
        let bound = length < 1 ? "greater than or equal to 1" : "less than or equal to 255"
        throw .validation(
            "1 validation error detected: Value '\(name)' at '\(field)' failed to satisfy constraint: Member must have length \(bound)"
        )
    }

    private static func indexProjection(_ reader: RequestReader) throws(DynamoError) -> IndexProjection {
        let type = try reader.choice("ProjectionType", ["ALL", "KEYS_ONLY", "INCLUDE"], default: "")
        let nonKey = try reader.array("NonKeyAttributes")
        switch type {
        case "ALL", "KEYS_ONLY":
            if nonKey != nil {
                throw .invalidParameter("ProjectionType is \(type), but NonKeyAttributes is specified")
            }
            return type == "ALL" ? .all : .keysOnly
        case "INCLUDE":
            guard let nonKey, !nonKey.isEmpty else {
                throw .invalidParameter("ProjectionType is INCLUDE, but NonKeyAttributes is not specified")
            }
            var names: [String] = []
            for entry in nonKey {
                guard case .string(let name) = entry else { throw .serialization("Unexpected value type in payload") }
                names.append(name)
            }
            return .include(names)
        default:
            throw .invalidParameter("Unknown ProjectionType: \(type)")
        }
    }

    private static func checkThroughput(
        billing: String, throughput: [String: JSON]?, owner: String?
    ) throws(DynamoError) {
        let suffix = owner.map { " for index \($0)" } ?? ""
        if billing == "PAY_PER_REQUEST" {
            if throughput != nil {
                throw .invalidParameter(
                    "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST\(suffix)"
                )
            }
            return
        }
        guard let throughput else {
            throw .invalidParameter(
                "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED\(suffix)"
            )
        }
        let reader = RequestReader(throughput)
        for member in ["ReadCapacityUnits", "WriteCapacityUnits"] {
            guard let units = try reader.int(member) else { throw RequestReader.missing(member) }
            guard units >= 1 else {
                throw .validation(
                    "1 validation error detected: Value '\(units)' at 'provisionedThroughput.\(RequestReader.fieldName(member))' failed to satisfy constraint: Member must have value greater than or equal to 1"
                )
            }
        }
    }
}
