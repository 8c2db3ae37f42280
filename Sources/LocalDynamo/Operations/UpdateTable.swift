import BuildingBlocks

/// UpdateTable: billing mode and throughput, deletion protection, table class and SSE, and creating (with
/// a backfill of the existing items) or deleting global secondary indexes. Changes apply at once: the response
/// shows the table UPDATING and a new index CREATING, and the next DescribeTable shows both ACTIVE.
enum UpdateTable {
    /// Members copied into the stored table request as given.
    static let plainMembers = [
        "BillingMode", "ProvisionedThroughput", "DeletionProtectionEnabled", "SSESpecification", "TableClass",
        "OnDemandThroughput", "WarmThroughput",
    ]

    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let name = try request.tableName()
        guard let table = storage.tables[name] else {
            throw DynamoError(.resourceNotFound, "Requested resource not found: Table: \(name) not found")
        }
        if LegacyParameters.present(request, "ReplicaUpdates") {
            throw .validation("not implemented: ReplicaUpdates; LocalDynamo has a single region")
        }
        guard
            (plainMembers + ["GlobalSecondaryIndexUpdates", "StreamSpecification"]).contains(where: {
                LegacyParameters.present(request, $0)
            })
        else {
            throw .validation(
                "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required"
            )
        }
        _ = try request.bool("DeletionProtectionEnabled")
        let streamChange = try StreamChange(request, table: table)
        var merged = table.request
        if let streamChange { merged["StreamSpecification"] = streamChange.specification }
        for key in plainMembers where LegacyParameters.present(request, key) { merged[key] = request.members[key] }
        let billing = try request.choice("BillingMode", ["PROVISIONED", "PAY_PER_REQUEST"], default: "")
        var globals = (try RequestReader(merged).array("GlobalSecondaryIndexes")) ?? []
        if billing == "PAY_PER_REQUEST" {
            if !LegacyParameters.present(request, "ProvisionedThroughput") { merged["ProvisionedThroughput"] = nil }
            globals = globals.map { entry in
                var members = entry.objectValue ?? [:]
                members["ProvisionedThroughput"] = nil
                return .object(members)
            }
        }
        merged["AttributeDefinitions"] = try mergedDefinitions(table, request)
        let changes = try IndexChanges(request, table: table, globals: &globals)
        merged["GlobalSecondaryIndexes"] = globals.isEmpty ? nil : .array(globals)
        merged["AttributeDefinitions"] = usedDefinitions(merged)
        var definition = try TableDefinition.validated(from: merged, id: table.id, created: table.created)
        definition.ttlAttribute = table.ttlAttribute
        definition.latestStream = table.latestStream
        try storage.transaction { () throws(DynamoError) in
            try streamChange?.apply(to: &definition, storage)
            for index in changes.deleted { try storage.dropIndexEntries(table, index: index) }
            for index in definition.indexes where changes.created.contains(index.name) {
                try storage.backfill(definition, index: index)
            }
            try storage.replaceDefinition(definition)
        }
        let before = try TableDescription.json(table, storage: storage)
        var description = try TableDescription.json(definition, storage: storage)
        if !changes.created.isEmpty || !changes.deleted.isEmpty {
            description = transient(description, before: before, changes: changes)
        }
        return .object(["TableDescription": description])
    }

    /// The table's AttributeDefinitions with the request's added (a redefinition must keep its type).
    private static func mergedDefinitions(_ table: TableDefinition, _ request: RequestReader) throws(DynamoError)
        -> JSON
    {
        var list = table.attributeDefinitions.map {
            JSON.object(["AttributeName": .string($0.name), "AttributeType": .string($0.type.rawValue)])
        }
        for entry in try request.array("AttributeDefinitions") ?? [] {
            guard let members = entry.objectValue, case .string(let name)? = members["AttributeName"],
                case .string(let type)? = members["AttributeType"]
            else { throw .serialization("Unexpected value type in payload") }
            if let existing = table.attributeDefinitions.first(where: { $0.name == name }) {
                guard existing.type.rawValue == type else {
                    throw .invalidParameter(
                        "Cannot change the type of an existing attribute: \(name) is \(existing.type.rawValue)")
                }
                continue
            }
            list.append(entry)
        }
        return .array(list)
    }

    /// Only the definitions some key still uses (an index deleted takes its attributes with it).
    private static func usedDefinitions(_ request: [String: JSON]) -> JSON? {
        var used: Set<String> = []
        func collect(_ schema: JSON?) {
            guard case .array(let elements)? = schema else { return }
            for element in elements {
                if case .string(let name)? = element.objectValue?["AttributeName"] { used.insert(name) }
            }
        }
        collect(request["KeySchema"])
        for key in ["GlobalSecondaryIndexes", "LocalSecondaryIndexes"] {
            guard case .array(let indexes)? = request[key] else { continue }
            for index in indexes { collect(index.objectValue?["KeySchema"]) }
        }
        guard case .array(let definitions)? = request["AttributeDefinitions"] else { return nil }
        return .array(
            definitions.filter { entry in
                guard case .string(let name)? = entry.objectValue?["AttributeName"] else { return true }
                return used.contains(name)
            })
    }

    /// The response's view of an index change in progress: the table UPDATING, a new index CREATING,
    /// a deleted one DELETING.
    private static func transient(_ description: JSON, before: JSON, changes: IndexChanges) -> JSON {
        guard case .object(var members) = description else { return description }
        members["TableStatus"] = .string("UPDATING")
        var globals =
            members["GlobalSecondaryIndexes"].flatMap { json -> [JSON]? in
                if case .array(let list) = json { return list } else { return nil }
            } ?? []
        globals = globals.map { entry in
            guard case .object(var index) = entry, case .string(let name)? = index["IndexName"],
                changes.created.contains(name)
            else { return entry }
            index["IndexStatus"] = .string("CREATING")
            index["Backfilling"] = .bool(false)
            return .object(index)
        }
        if case .array(let old)? = before.objectValue?["GlobalSecondaryIndexes"] {
            for entry in old {
                guard case .object(var index) = entry, case .string(let name)? = index["IndexName"],
                    changes.deleted.contains(name)
                else { continue }
                index["IndexStatus"] = .string("DELETING")
                globals.append(.object(index))
            }
        }
        members["GlobalSecondaryIndexes"] = globals.isEmpty ? nil : .array(globals)
        return .object(members)
    }
}

/// The GlobalSecondaryIndexUpdates of one UpdateTable request, applied to the stored index list.
struct IndexChanges {
    var created: [String] = []
    var deleted: [String] = []
    static let maximumGlobalIndexes = 20

    init(_ request: RequestReader, table: TableDefinition, globals: inout [JSON]) throws(DynamoError) {
        guard let updates = try request.array("GlobalSecondaryIndexUpdates") else { return }
        func position(_ name: String) -> Int? {
            globals.firstIndex { $0.objectValue?["IndexName"] == .string(name) }
        }
        for entry in updates {
            guard let members = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
            let actions = members.filter { if case .null = $0.value { return false } else { return true } }
            guard actions.count == 1, let (action, body) = actions.first, let object = body.objectValue else {
                throw .invalidParameter(
                    "One of GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Update or GlobalSecondaryIndexUpdate.Delete must be specified"
                )
            }
            let reader = RequestReader(object)
            let name = try reader.tableName("IndexName")
            switch action {
            case "Create":
                guard position(name) == nil, table.index(named: name) == nil else {
                    throw .validation("Attempting to create an index which already exists")
                }
                globals.append(.object(object))
                created.append(name)
            case "Delete":
                guard let found = position(name) else {
                    throw DynamoError(.resourceNotFound, "Requested resource not found: Index: \(name) not found")
                }
                globals.remove(at: found)
                deleted.append(name)
            case "Update":
                guard let found = position(name), case .object(var index) = globals[found] else {
                    throw DynamoError(.resourceNotFound, "Requested resource not found: Index: \(name) not found")
                }
                for key in ["ProvisionedThroughput", "OnDemandThroughput", "WarmThroughput"] {
                    if let value = object[key] { index[key] = value }
                }
                globals[found] = .object(index)
            default:
                throw .invalidParameter(
                    "One of GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Update or GlobalSecondaryIndexUpdate.Delete must be specified"
                )
            }
        }
        if created.count + deleted.count > 1 {
            throw DynamoError(
                .limitExceeded,
                "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table")
        }
        if globals.count > IndexChanges.maximumGlobalIndexes {
            throw DynamoError(
                .limitExceeded,
                "Subscriber limit exceeded: The number of global secondary indexes cannot exceed \(IndexChanges.maximumGlobalIndexes)"
            )
        }
    }
}
