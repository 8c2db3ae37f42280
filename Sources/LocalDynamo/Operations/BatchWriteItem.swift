import BuildingBlocks

/// BatchWriteItem: 1-25 puts and deletes over several tables, applied in one SQLite transaction.
enum BatchWriteItem {
    static let maximumRequests = 25

    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let requestItems = try request.requestItems()
        enum Write {
            case put(TableDefinition, StoredKey, Item, Int)
            case delete(TableDefinition, StoredKey)
        }
        var writes: [Write] = []
        var seen: Set<[UInt8]> = []
        for (name, value) in requestItems.sorted(by: { $0.key < $1.key }) {
            try RequestReader.validateName(name, field: "requestItems.\(name).member.tableName")
            guard case .array(let list) = value else { throw .serialization("Unexpected value type in payload") }
            guard !list.isEmpty else {
                throw .validation(
                    "1 validation error detected: Value '[]' at 'requestItems.\(name).member' failed to satisfy constraint: Member must have length greater than or equal to 1"
                )
            }
            let table = try storage.table(name)
            for entry in list {
                guard let members = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
                let reader = RequestReader(members)
                let put = try reader.object("PutRequest")
                let delete = try reader.object("DeleteRequest")
                let write: Write
                let key: StoredKey
                switch (put, delete) {
                case (let put?, nil):
                    guard let item = try RequestReader(put).item("Item") else { throw RequestReader.missing("Item") }
                    let (stored, size) = try ItemSupport.validateForWrite(table, item: item)
                    key = stored
                    write = .put(table, stored, item, size)
                case (nil, let delete?):
                    guard let keyItem = try RequestReader(delete).item("Key") else {
                        throw RequestReader.missing("Key")
                    }
                    key = try ItemSupport.storedKey(table, key: keyItem)
                    write = .delete(table, key)
                default:
                    throw .validation(
                        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
                    )
                }
                let identity = Array(name.utf8) + [0] + key.partition + [0, 0] + key.sort
                guard seen.insert(identity).inserted else {
                    throw .validation("Provided list of item keys contains duplicates")
                }
                writes.append(write)
            }
        }
        guard writes.count <= maximumRequests else {
            throw .validation(
                "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"
            )
        }
        let capacityMode = try Capacity.mode(request)
        let counting = capacityMode != "NONE"
        var tableUnits: [String: Double] = [:]
        var indexUnits: [String: [Capacity.IndexUnits]] = [:]
        try storage.transaction { () throws(DynamoError) in
            for write in writes {
                switch write {
                case .put(let table, let key, let item, let size):
                    let reads = !table.indexes.isEmpty || counting || table.latestStream?.isEnabled == true
                    let old = reads ? try storage.get(table, key: key) : nil
                    try storage.put(table, key: key, item: item, size: size, old: old)
                    if counting {
                        tableUnits[table.name, default: 0] += Capacity.writeUnits(
                            bytes: max(size, old.map(ItemSize.of) ?? 0))
                        indexUnits[table.name, default: []] += Capacity.indexWrites(table, old: old, new: item)
                    }
                case .delete(let table, let key):
                    let reads = counting || table.latestStream?.isEnabled == true
                    let old = reads ? try storage.get(table, key: key) : nil
                    try storage.delete(table, key: key, old: old)
                    if counting {
                        tableUnits[table.name, default: 0] += Capacity.writeUnits(bytes: old.map(ItemSize.of) ?? 0)
                        indexUnits[table.name, default: []] += Capacity.indexWrites(table, old: old, new: nil)
                    }
                }
            }
        }
        var response: [String: JSON] = ["UnprocessedItems": .object([:])]
        if counting {
            response["ConsumedCapacity"] = .array(
                tableUnits.keys.sorted().compactMap { name in
                    var summed: [String: Capacity.IndexUnits] = [:]
                    for entry in indexUnits[name] ?? [] {
                        let units = (summed[entry.index.name]?.units ?? 0) + entry.units
                        summed[entry.index.name] = Capacity.IndexUnits(index: entry.index, units: units)
                    }
                    return Capacity.json(
                        table: name, mode: capacityMode, tableUnits: tableUnits[name] ?? 0,
                        indexes: summed.values.sorted { $0.index.name < $1.index.name }, isRead: false)
                })
        }
        return .object(response)
    }
}
