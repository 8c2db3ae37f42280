/// DynamoDB's item size accounting, which the 400 KB limit and 1 MB pages are measured in.
public enum ItemSize {
    /// 400 KB, DynamoDB's maximum item size.
    public static let maximum = 409_600

    /// Sum over attributes of the name's UTF-8 length plus the value's size.
    public static func of(_ item: Item) -> Int {
        var total = 0
        for (name, value) in item { total += name.utf8.count + of(value) }
        return total
    }

    /// The size of one value: strings and binaries by bytes, numbers by digit pairs, containers 3 + 1 per element.
    public static func of(_ value: AttributeValue) -> Int {
        switch value {
        case .string(let text): return text.utf8.count
        case .number(let number): return numberSize(number)
        case .binary(let bytes): return bytes.count
        case .bool, .null: return 1
        case .map(let map):
            var total = 3
            for (name, element) in map { total += 1 + name.utf8.count + of(element) }
            return total
        case .list(let list):
            var total = 3
            for element in list { total += 1 + of(element) }
            return total
        case .stringSet(let strings): return strings.reduce(0) { $0 + $1.utf8.count }
        case .numberSet(let numbers): return numbers.reduce(0) { $0 + numberSize($1) }
        case .binarySet(let blobs): return blobs.reduce(0) { $0 + $1.count }
        }
    }

    static func numberSize(_ number: DynamoNumber) -> Int {
        (number.digits.count + 1) / 2 + 1 + (number.isNegative ? 1 : 0)
    }
}
