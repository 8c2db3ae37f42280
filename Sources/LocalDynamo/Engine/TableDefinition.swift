/// The scalar types a key attribute may have.
public enum KeyType: String, Sendable {
    case string = "S", number = "N", binary = "B"
}

/// One key attribute: its name and declared type.
public struct KeyAttribute: Sendable, Equatable {
    public var name: String
    public var type: KeyType
}

/// A key shape: a partition (HASH) key and an optional sort (RANGE) key; a global secondary index may
/// have up to 4 of each (a multi-attribute key), the extra ones in `moreHash` and `moreRange`.
public struct KeySchema: Sendable, Equatable {
    public var hash: KeyAttribute
    public var range: KeyAttribute?
    /// Partition attributes after `hash`, in KeySchema order (multi-attribute GSI keys only).
    public var moreHash: [KeyAttribute] = []
    /// Sort attributes after `range`, in KeySchema order (multi-attribute GSI keys only).
    public var moreRange: [KeyAttribute] = []

    var hashAttributes: [KeyAttribute] { [hash] + moreHash }
    var rangeAttributes: [KeyAttribute] { range.map { [$0] + moreRange } ?? [] }
    /// Whether this is a multi-attribute key, stored in the tuple encoding (`KeyEncoding.tuple`).
    var isComposite: Bool { !moreHash.isEmpty || !moreRange.isEmpty }
    var attributes: [KeyAttribute] { hashAttributes + rangeAttributes }
    var names: [String] { attributes.map(\.name) }

    var json: JSON {
        .array(
            hashAttributes.map { .object(["AttributeName": .string($0.name), "KeyType": .string("HASH")]) }
                + rangeAttributes.map { .object(["AttributeName": .string($0.name), "KeyType": .string("RANGE")]) })
    }
}

/// Which attributes a secondary index carries.
public enum IndexProjection: Sendable, Equatable {
    case all, keysOnly, include([String])

    var json: JSON {
        switch self {
        case .all: return .object(["ProjectionType": .string("ALL")])
        case .keysOnly: return .object(["ProjectionType": .string("KEYS_ONLY")])
        case .include(let names):
            return .object([
                "ProjectionType": .string("INCLUDE"), "NonKeyAttributes": .array(names.map { .string($0) }),
            ])
        }
    }
}

/// A global or local secondary index declared at CreateTable.
public struct IndexDefinition: Sendable, Equatable {
    public var name: String
    public var isGlobal: Bool
    public var key: KeySchema
    public var projection: IndexProjection
    public var provisioned: (read: Int, write: Int)?

    public static func == (lhs: IndexDefinition, rhs: IndexDefinition) -> Bool {
        lhs.name == rhs.name && lhs.isGlobal == rhs.isGlobal && lhs.key == rhs.key && lhs.projection == rhs.projection
    }

    /// Projects a full item to what the index stores: table keys, index keys and projected attributes.
    func project(_ item: Item, tableKey: KeySchema) -> Item {
        switch projection {
        case .all: return item
        case .keysOnly, .include:
            var keep = Set(tableKey.names).union(key.names)
            if case .include(let names) = projection { keep.formUnion(names) }
            return item.filter { keep.contains($0.key) }
        }
    }
}

/// Everything LocalDynamo knows about a table's shape; persisted as the validated CreateTable request.
public struct TableDefinition: Sendable {
    public var name: String
    public var id: Int64
    public var key: KeySchema
    public var attributeDefinitions: [KeyAttribute]
    public var indexes: [IndexDefinition]
    public var created: Double
    public var ttlAttribute: String?
    /// The CreateTable request as received, kept to echo billing mode, streams, tags and the like.
    public var request: [String: JSON]
    /// The table's newest stream, enabled or not (DescribeTable's LatestStreamArn); nil if it never had one.
    public var latestStream: StreamDescriptor?

    public func index(named name: String) -> IndexDefinition? { indexes.first { $0.name == name } }

    public var arn: String { "arn:aws:dynamodb:us-east-1:000000000000:table/\(name)" }
}
