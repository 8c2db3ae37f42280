import SQLiteSupport

/// The TableDescription shape returned by CreateTable, DescribeTable and DeleteTable.
enum TableDescription {
    static func json(_ table: TableDefinition, storage: Storage, status: String = "ACTIVE") throws(DynamoError) -> JSON
    {
        let request = RequestReader(table.request)
        let stats = status == "ACTIVE" ? try storage.statistics(of: table) : (count: 0, bytes: 0)
        var description: [String: JSON] = [
            "TableName": .string(table.name),
            "TableStatus": .string(status),
            "KeySchema": table.key.json,
            "AttributeDefinitions": .array(
                table.attributeDefinitions.map {
                    .object(["AttributeName": .string($0.name), "AttributeType": .string($0.type.rawValue)])
                }),
            "CreationDateTime": .number(String(table.created)),
            "ItemCount": .number(String(stats.count)),
            "TableSizeBytes": .number(String(stats.bytes)),
            "TableArn": .string(table.arn),
            "TableId": .string(tableID(table)),
            "DeletionProtectionEnabled": .bool(try request.bool("DeletionProtectionEnabled") ?? false),
        ]
        let billing = try request.string("BillingMode")
        description["ProvisionedThroughput"] = throughput(table.request["ProvisionedThroughput"])
        if billing == "PAY_PER_REQUEST" {
            description["BillingModeSummary"] = .object([
                "BillingMode": .string("PAY_PER_REQUEST"),
                "LastUpdateToPayPerRequestDateTime": .number(String(table.created)),
            ])
        }
        for key in ["StreamSpecification", "SSESpecification"] {
            if let value = table.request[key] { description[key] = value }
        }
        if let stream = table.latestStream {
            description["LatestStreamArn"] = .string(stream.arn)
            description["LatestStreamLabel"] = .string(stream.label)
        }
        if let tableClass = table.request["TableClass"] {
            description["TableClassSummary"] = .object(["TableClass": tableClass])
        }
        var globals: [JSON] = []
        var locals: [JSON] = []
        let requestIndexes =
            (try request.array("GlobalSecondaryIndexes") ?? []) + (try request.array("LocalSecondaryIndexes") ?? [])
        for index in table.indexes {
            var entry: [String: JSON] = [
                "IndexName": .string(index.name),
                "KeySchema": index.key.json,
                "Projection": index.projection.json,
                "IndexSizeBytes": .number("0"),
                "ItemCount": .number(String(status == "ACTIVE" ? try storage.indexItemCount(table, index: index) : 0)),
                "IndexArn": .string("\(table.arn)/index/\(index.name)"),
            ]
            if index.isGlobal {
                entry["IndexStatus"] = .string(status)
                let declared = requestIndexes.first { $0.objectValue?["IndexName"] == .string(index.name) }
                entry["ProvisionedThroughput"] = throughput(declared?.objectValue?["ProvisionedThroughput"])
                globals.append(.object(entry))
            } else {
                locals.append(.object(entry))
            }
        }
        if !globals.isEmpty { description["GlobalSecondaryIndexes"] = .array(globals) }
        if !locals.isEmpty { description["LocalSecondaryIndexes"] = .array(locals) }
        return .object(description)
    }

    private static func throughput(_ declared: JSON?) -> JSON {
        let members = declared?.objectValue ?? [:]
        return .object([
            "ReadCapacityUnits": members["ReadCapacityUnits"] ?? .number("0"),
            "WriteCapacityUnits": members["WriteCapacityUnits"] ?? .number("0"),
            "NumberOfDecreasesToday": .number("0"),
        ])
    }

    /// A stable UUID-shaped identifier derived from the table's id and creation time.
    static func tableID(_ table: TableDefinition) -> String {
        let seed =
            UInt64(bitPattern: table.id) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(max(0, min(table.created, 1e15)) * 1000)
        let hex = String(seed, radix: 16).leftPadded(to: 16)
        let hex2 = String(seed &* 0xBF58_476D_1CE4_E5B9, radix: 16).leftPadded(to: 16)
        let all = Array(hex + hex2)
        return
            "\(String(all[0..<8]))-\(String(all[8..<12]))-\(String(all[12..<16]))-\(String(all[16..<20]))-\(String(all[20..<32]))"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension Storage {
    func indexItemCount(_ table: TableDefinition, index: IndexDefinition) throws(DynamoError) -> Int {
        try Storage.wrap {
            let statement = try database.statement("SELECT COUNT(*) FROM index_entries WHERE tid = ? AND idx = ?")
            try statement.bind(.integer(table.id), .text(index.name))
            defer { statement.reset() }
            _ = try statement.step()
            return Int(statement.int64(0))
        }
    }
}
