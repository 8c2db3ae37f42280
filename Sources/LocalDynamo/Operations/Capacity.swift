/// ReturnConsumedCapacity as DynamoDB counts it: reads in 4 KB units (halved when eventually consistent),
/// writes in 1 KB units of the larger of the old and new item, and each secondary index written to counted
/// on its own (a new or removed index entry is 1 unit, a moved one 2, a changed projection 1).
enum Capacity {
    /// Units charged to one index.
    struct IndexUnits {
        let index: IndexDefinition
        let units: Double
    }

    /// The mode the request asked for: NONE, TOTAL or INDEXES.
    static func mode(_ request: RequestReader) throws(DynamoError) -> String {
        try request.choice("ReturnConsumedCapacity", ["INDEXES", "TOTAL", "NONE"], default: "NONE")
    }

    static func readUnits(bytes: Int, consistent: Bool) -> Double {
        let units = Double(max(1, (bytes + 4095) / 4096))
        return consistent ? units : units / 2
    }

    static func writeUnits(bytes: Int) -> Double { Double(max(1, (bytes + 1023) / 1024)) }

    /// Index write units for replacing `old` by `new` (either may be absent).
    static func indexWrites(_ table: TableDefinition, old: Item?, new: Item?) -> [IndexUnits] {
        table.indexes.compactMap { index -> IndexUnits? in
            let before = old.flatMap { Storage.indexKey(of: $0, index: index) }
            let after = new.flatMap { Storage.indexKey(of: $0, index: index) }
            switch (before, after) {
            case (nil, nil): return nil
            case (nil, _?), (_?, nil): return IndexUnits(index: index, units: 1)
            case (let before?, let after?):
                if before != after { return IndexUnits(index: index, units: 2) }
                guard let old, let new,
                    index.project(old, tableKey: table.key) != index.project(new, tableKey: table.key)
                else { return nil }
                return IndexUnits(index: index, units: 1)
            }
        }
    }

    /// The ConsumedCapacity member for `mode` (nil for NONE).
    static func json(
        table: String, mode: String, tableUnits: Double, indexes: [IndexUnits] = [], isRead: Bool
    ) -> JSON? {
        guard mode != "NONE" else { return nil }
        let total = tableUnits + indexes.reduce(0) { $0 + $1.units }
        func units(_ value: Double) -> [String: JSON] {
            ["CapacityUnits": number(value), isRead ? "ReadCapacityUnits" : "WriteCapacityUnits": number(value)]
        }
        var capacity = units(total)
        capacity["TableName"] = .string(table)
        if mode == "INDEXES" {
            capacity["Table"] = .object(units(tableUnits))
            var globals: [String: JSON] = [:]
            var locals: [String: JSON] = [:]
            for entry in indexes {
                if entry.index.isGlobal {
                    globals[entry.index.name] = .object(units(entry.units))
                } else {
                    locals[entry.index.name] = .object(units(entry.units))
                }
            }
            if !globals.isEmpty { capacity["GlobalSecondaryIndexes"] = .object(globals) }
            if !locals.isEmpty { capacity["LocalSecondaryIndexes"] = .object(locals) }
        }
        return .object(capacity)
    }

    /// Units of a single-item write: the larger of the old and new item in 1 KB units, plus index writes.
    static func write(
        _ request: RequestReader, table: TableDefinition, old: Item?, new: Item?
    ) throws(DynamoError) -> JSON? {
        let mode = try mode(request)
        guard mode != "NONE" else { return nil }
        let bytes = max(old.map(ItemSize.of) ?? 0, new.map(ItemSize.of) ?? 0)
        return json(
            table: table.name, mode: mode, tableUnits: writeUnits(bytes: bytes),
            indexes: indexWrites(table, old: old, new: new), isRead: false)
    }

    static func number(_ value: Double) -> JSON {
        value == value.rounded() ? .number(String(Int(value)) + ".0") : .number(String(value))
    }
}
