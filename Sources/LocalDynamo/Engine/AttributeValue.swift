import Foundation

/// An item: attribute names to values.
public typealias Item = [String: AttributeValue]

/// One DynamoDB attribute value, with the wire type tag as its case.
public indirect enum AttributeValue: Sendable, Hashable {
    case string(String)
    case number(DynamoNumber)
    case binary([UInt8])
    case bool(Bool)
    case null
    case map([String: AttributeValue])
    case list([AttributeValue])
    case stringSet([String])
    case numberSet([DynamoNumber])
    case binarySet([[UInt8]])

    /// The wire tag: S, N, B, BOOL, NULL, M, L, SS, NS, BS.
    public var typeTag: String {
        switch self {
        case .string: return "S"
        case .number: return "N"
        case .binary: return "B"
        case .bool: return "BOOL"
        case .null: return "NULL"
        case .map: return "M"
        case .list: return "L"
        case .stringSet: return "SS"
        case .numberSet: return "NS"
        case .binarySet: return "BS"
        }
    }

    /// DynamoDB equality: sets compare as sets, numbers by value.
    public static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.number(let a), .number(let b)): return a == b
        case (.binary(let a), .binary(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.map(let a), .map(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.stringSet(let a), .stringSet(let b)): return Set(a) == Set(b)
        case (.numberSet(let a), .numberSet(let b)): return Set(a) == Set(b)
        case (.binarySet(let a), .binarySet(let b)): return Set(a) == Set(b)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(typeTag)
        switch self {
        case .string(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .binary(let value): hasher.combine(value)
        case .bool(let value): hasher.combine(value)
        case .null: break
        case .map(let value): hasher.combine(value.count)
        case .list(let value): hasher.combine(value.count)
        case .stringSet(let value): hasher.combine(Set(value))
        case .numberSet(let value): hasher.combine(Set(value))
        case .binarySet(let value): hasher.combine(Set(value))
        }
    }
}

// MARK: - Wire decoding and encoding

extension AttributeValue {
    /// Decodes and validates a wire value (`{"S": "x"}`); `depth` bounds nesting at DynamoDB's 32 levels.
    public init(json: JSON, depth: Int = 0) throws(DynamoError) {
        guard case .object(let members) = json else { throw .serialization("Unexpected value type in payload") }
        guard depth <= 32 else { throw .validation("Nesting Levels have exceeded supported limits") }
        let tag: String
        let value: JSON
        if members.count == 1, let only = members.first, only.value != .null {
            (tag, value) = only
        } else {
            // Members that are not a type tag are ignored, as DynamoDB's deserializer does.
            let present = members.filter { member in
                if case .null = member.value { return false }
                return AttributeValue.typeTags.contains(member.key)
            }
            guard present.count == 1, let only = present.first else {
                if present.isEmpty { throw AttributeValue.empty }
                throw .invalidParameter(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
                )
            }
            (tag, value) = only
        }
        switch tag {
        case "S":
            guard case .string(let text) = value else {
                throw .serialization("NUMBER_VALUE cannot be converted to String")
            }
            self = .string(text)
        case "N":
            guard case .string(let text) = value else {
                throw .serialization("NUMBER_VALUE cannot be converted to String")
            }
            self = .number(try AttributeValue.number(text))
        case "B":
            self = .binary(try AttributeValue.binary(value))
        case "BOOL":
            guard case .bool(let flag) = value else { throw .serialization("Unexpected value type in payload") }
            self = .bool(flag)
        case "NULL":
            guard case .bool(let flag) = value else { throw .serialization("Unexpected value type in payload") }
            guard flag else { throw .invalidParameter("Null attribute value types must have the value of true") }
            self = .null
        case "M":
            guard case .object(let entries) = value else { throw .serialization("Unexpected value type in payload") }
            var map: [String: AttributeValue] = [:]
            for (name, entry) in entries { map[name] = try AttributeValue(json: entry, depth: depth + 1) }
            self = .map(map)
        case "L":
            guard case .array(let entries) = value else { throw .serialization("Unexpected value type in payload") }
            var list: [AttributeValue] = []
            list.reserveCapacity(entries.count)
            for entry in entries { list.append(try AttributeValue(json: entry, depth: depth + 1)) }
            self = .list(list)
        case "SS":
            let strings = try AttributeValue.setMembers(value).map { (entry) throws(DynamoError) -> String in
                guard case .string(let text) = entry else { throw .serialization("Unexpected value type in payload") }
                return text
            }
            guard Set(strings).count == strings.count else {
                throw .invalidParameter("Input collection \(strings) contains duplicates.")
            }
            self = .stringSet(strings)
        case "NS":
            let numbers = try AttributeValue.setMembers(value).map { (entry) throws(DynamoError) -> DynamoNumber in
                guard case .string(let text) = entry else { throw .serialization("Unexpected value type in payload") }
                return try AttributeValue.number(text)
            }
            guard Set(numbers).count == numbers.count else {
                throw .invalidParameter("Input collection contains duplicates.")
            }
            self = .numberSet(numbers)
        case "BS":
            let blobs = try AttributeValue.setMembers(value).map { (entry) throws(DynamoError) -> [UInt8] in
                try AttributeValue.binary(entry)
            }
            guard Set(blobs).count == blobs.count else {
                throw .invalidParameter("Input collection contains duplicates.")
            }
            self = .binarySet(blobs)
        default:
            // A lone member that is not a type tag is ignored, which leaves the value empty.
            throw AttributeValue.empty
        }
    }

    static let empty = DynamoError.invalidParameter(
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")

    static let typeTags: Set<String> = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"]

    static func number(_ text: String) throws(DynamoError) -> DynamoNumber {
        do {
            return try DynamoNumber(parsing: text)
        } catch {
            throw .validation(error.message)
        }
    }

    static func binary(_ value: JSON) throws(DynamoError) -> [UInt8] {
        guard case .string(let text) = value else { throw .serialization("Unexpected value type in payload") }
        guard let data = Data(base64Encoded: text) else {
            throw .serialization(
                "Base64 encoded length is expected a multiple of 4 bytes but found: \(text.utf8.count)")
        }
        return [UInt8](data)
    }

    static func setMembers(_ value: JSON) throws(DynamoError) -> [JSON] {
        guard case .array(let entries) = value else { throw .serialization("Unexpected value type in payload") }
        guard !entries.isEmpty else {
            throw .invalidParameter("An number set  may not be empty")
        }
        return entries
    }

    /// Decodes a whole item (`{"name": {"S": ...}, ...}`).
    public static func decode(item json: JSON) throws(DynamoError) -> Item {
        guard case .object(let members) = json else { throw .serialization("Unexpected value type in payload") }
        var item: Item = [:]
        item.reserveCapacity(members.count)
        for (name, value) in members { item[name] = try AttributeValue(json: value) }
        return item
    }

    /// The wire form of this value.
    public var json: JSON {
        switch self {
        case .string(let text): return .object(["S": .string(text)])
        case .number(let number): return .object(["N": .string(number.description)])
        case .binary(let bytes): return .object(["B": .string(Data(bytes).base64EncodedString())])
        case .bool(let flag): return .object(["BOOL": .bool(flag)])
        case .null: return .object(["NULL": .bool(true)])
        case .map(let map): return .object(["M": AttributeValue.encode(item: map)])
        case .list(let list): return .object(["L": .array(list.map(\.json))])
        case .stringSet(let strings): return .object(["SS": .array(strings.map { .string($0) })])
        case .numberSet(let numbers): return .object(["NS": .array(numbers.map { .string($0.description) })])
        case .binarySet(let blobs):
            return .object(["BS": .array(blobs.map { .string(Data($0).base64EncodedString()) })])
        }
    }

    /// The wire form of an item.
    public static func encode(item: Item) -> JSON { .object(item.mapValues(\.json)) }
}
