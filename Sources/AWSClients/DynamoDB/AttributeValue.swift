#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A DynamoDB attribute value in the service's JSON shape (`{"S": "..."}`, `{"N": "1.5"}`, ...).
public indirect enum AttributeValue: Sendable, Hashable {
    case string(String)
    /// Numbers travel as decimal strings so no precision is lost on the way.
    case number(String)
    case binary([UInt8])
    case bool(Bool)
    case null
    case map([String: AttributeValue])
    case list([AttributeValue])
    case stringSet([String])
    case numberSet([String])
    case binarySet([[UInt8]])

    /// A number from an integer, the common case for counters and timestamps.
    public static func number(_ value: Int) -> AttributeValue { .number(String(value)) }

    /// The string, when this is an `S` value.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number's decimal text, when this is an `N` value.
    public var numberText: String? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an integer, when this is an `N` value that holds one.
    public var intValue: Int? { numberText.flatMap { Int($0) } }

    /// The map, when this is an `M` value.
    public var mapValue: [String: AttributeValue]? {
        if case .map(let value) = self { return value }
        return nil
    }

    /// The boolean, when this is a `BOOL` value.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

/// A DynamoDB item or key: attribute names to values.
public typealias DynamoItem = [String: AttributeValue]

extension AttributeValue: Codable {
    private enum Tag: String, CodingKey {
        case S, N, B, BOOL, NULL, M, L, SS, NS, BS
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Tag.self)
        guard container.allKeys.count == 1, let tag = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "an AttributeValue must have exactly one type tag, found \(container.allKeys.count)"))
        }
        switch tag {
        case .S: self = .string(try container.decode(String.self, forKey: tag))
        case .N: self = .number(try container.decode(String.self, forKey: tag))
        case .B: self = .binary(try Self.decodeBase64(container.decode(String.self, forKey: tag), decoder))
        case .BOOL: self = .bool(try container.decode(Bool.self, forKey: tag))
        case .NULL: self = .null
        case .M: self = .map(try container.decode([String: AttributeValue].self, forKey: tag))
        case .L: self = .list(try container.decode([AttributeValue].self, forKey: tag))
        case .SS: self = .stringSet(try container.decode([String].self, forKey: tag))
        case .NS: self = .numberSet(try container.decode([String].self, forKey: tag))
        case .BS:
            self = .binarySet(
                try container.decode([String].self, forKey: tag).map { try Self.decodeBase64($0, decoder) })
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Tag.self)
        switch self {
        case .string(let value): try container.encode(value, forKey: .S)
        case .number(let value): try container.encode(value, forKey: .N)
        case .binary(let value): try container.encode(Data(value).base64EncodedString(), forKey: .B)
        case .bool(let value): try container.encode(value, forKey: .BOOL)
        case .null: try container.encode(true, forKey: .NULL)
        case .map(let value): try container.encode(value, forKey: .M)
        case .list(let value): try container.encode(value, forKey: .L)
        case .stringSet(let value): try container.encode(value, forKey: .SS)
        case .numberSet(let value): try container.encode(value, forKey: .NS)
        case .binarySet(let value): try container.encode(value.map { Data($0).base64EncodedString() }, forKey: .BS)
        }
    }

    private static func decodeBase64(_ text: String, _ decoder: Decoder) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "binary value is not valid base64"))
        }
        return Array(data)
    }
}
