import BuildingBlocks

/// BatchGetItem: up to 100 keys over several tables; what would push the response past 16 MB comes back
/// in UnprocessedKeys.
enum BatchGetItem {
    static let maximumKeys = 100
    static let maximumResponseBytes = 16 * 1024 * 1024

    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let requestItems = try request.requestItems()
        struct TableRead {
            let table: TableDefinition
            let keys: [(json: JSON, key: StoredKey)]
            let projection: [DocumentPath]?
            let original: [String: JSON]
            let consistent: Bool
        }
        let capacityMode = try Capacity.mode(request)
        var reads: [TableRead] = []
        var total = 0
        for (name, value) in requestItems.sorted(by: { $0.key < $1.key }) {
            try RequestReader.validateName(name, field: "requestItems.\(name).member.tableName")
            guard let members = value.objectValue else { throw .serialization("Unexpected value type in payload") }
            let reader = RequestReader(members)
            let consistent = try reader.bool("ConsistentRead") ?? false
            guard let keyList = try reader.array("Keys"), !keyList.isEmpty else {
                throw .validation(
                    "1 validation error detected: Value null at 'requestItems.\(name).member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1"
                )
            }
            total += keyList.count
            guard total <= maximumKeys else {
                throw .validation("Too many items requested for the BatchGetItem call")
            }
            let table = try storage.table(name)
            var placeholders = try Placeholders(request: reader)
            let projection = try ItemSupport.readProjection(reader, .getItem, placeholders: &placeholders)
            try placeholders.checkAllUsed(requestHasExpressions: projection != nil)
            var keys: [(JSON, StoredKey)] = []
            var seen: Set<StoredKey> = []
            for keyJSON in keyList {
                let key = try ItemSupport.storedKey(table, key: try AttributeValue.decode(item: keyJSON))
                guard seen.insert(key).inserted else {
                    throw .validation("Provided list of item keys contains duplicates")
                }
                keys.append((keyJSON, key))
            }
            reads.append(
                TableRead(table: table, keys: keys, projection: projection, original: members, consistent: consistent))
        }
        var responses: [String: JSON] = [:]
        var unprocessed: [String: JSON] = [:]
        var bytes = 0
        var capacities: [JSON] = []
        for read in reads {
            var items: [JSON] = []
            var leftover: [JSON] = []
            var units = 0.0
            for (keyJSON, key) in read.keys {
                if bytes >= maximumResponseBytes {
                    leftover.append(keyJSON)
                    continue
                }
                let found = try storage.get(read.table, key: key)
                let size = found.map(ItemSize.of) ?? 0
                units += Capacity.readUnits(bytes: size, consistent: read.consistent)
                guard let item = found else { continue }
                bytes += size
                items.append(
                    AttributeValue.encode(item: read.projection.map { Projection.project(item, paths: $0) } ?? item))
            }
            responses[read.table.name] = .array(items)
            if let capacity = Capacity.json(table: read.table.name, mode: capacityMode, tableUnits: units, isRead: true)
            {
                capacities.append(capacity)
            }
            if !leftover.isEmpty {
                var entry = read.original
                entry["Keys"] = .array(leftover)
                unprocessed[read.table.name] = .object(entry)
            }
        }
        var response: [String: JSON] = ["Responses": .object(responses), "UnprocessedKeys": .object(unprocessed)]
        if capacityMode != "NONE" { response["ConsumedCapacity"] = .array(capacities) }
        return .object(response)
    }
}
