/// A DynamoDB Number: up to 38 significant decimal digits, magnitude 1e-130 ..< 1e126, kept exactly.
///
/// Stored normalised as `0.d1d2...dn × 10^exponent` with `d1 != 0` and no trailing zero digits, so two
/// equal numbers always have equal fields and comparison is a field walk, never a float conversion.
public struct DynamoNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Raised for text that is not a number, or a number DynamoDB cannot store.
    public enum Failure: Error, Sendable, Equatable {
        case notANumber, tooManyDigits, overflow, underflow

        var message: String {
            switch self {
            case .notANumber: return "The parameter cannot be converted to a numeric value"
            case .tooManyDigits: return "Attempting to store more than 38 significant digits in a Number"
            case .overflow:
                return "Number overflow. Attempting to store a number with magnitude larger than supported range"
            case .underflow:
                return "Number underflow. Attempting to store a number with magnitude smaller than supported range"
            }
        }
    }

    public let isNegative: Bool
    /// Significant digits, each 0...9; empty for zero.
    public let digits: [UInt8]
    public let exponent: Int

    public static let zero = DynamoNumber(isNegative: false, digits: [], exponent: 0)
    static let maximumDigits = 38

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.isNegative = digits.isEmpty ? false : isNegative
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// Parses DynamoDB's number text: optional `-` or `+`, digits with an optional fraction, optional exponent.
    public init(parsing text: String) throws(Failure) {
        let bytes = Array(text.utf8)
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: [UInt8] = []
        var pointPosition: Int?
        var sawDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if (48...57).contains(byte) {
                mantissa.append(byte - 48)
                sawDigit = true
            } else if byte == UInt8(ascii: "."), pointPosition == nil {
                pointPosition = mantissa.count
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { throw .notANumber }
        var exponentValue = 0
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) {
                if exponentValue < 100_000 { exponentValue = exponentValue * 10 + Int(bytes[index] - 48) }
                index += 1
            }
            guard index > start else { throw .notANumber }
            if exponentNegative { exponentValue = -exponentValue }
        }
        guard index == bytes.count else { throw .notANumber }
        // value = 0.mantissa × 10^(integerDigits + exponentValue) before stripping leading zeros.
        var integerDigits = pointPosition ?? mantissa.count
        var start = 0
        while start < mantissa.count, mantissa[start] == 0 {
            start += 1
            integerDigits -= 1
        }
        var end = mantissa.count
        while end > start, mantissa[end - 1] == 0 { end -= 1 }
        if start == end {
            self = .zero
            return
        }
        try self.init(
            checkedNegative: negative, digits: Array(mantissa[start..<end]), exponent: integerDigits + exponentValue)
    }

    /// Builds a normalised number and enforces DynamoDB's precision and range.
    init(checkedNegative negative: Bool, digits: [UInt8], exponent: Int) throws(Failure) {
        var start = 0
        var exponent = exponent
        while start < digits.count, digits[start] == 0 {
            start += 1
            exponent -= 1
        }
        var end = digits.count
        while end > start, digits[end - 1] == 0 { end -= 1 }
        if start == end {
            self = .zero
            return
        }
        guard exponent <= 126 else { throw .overflow }
        guard exponent >= -129 else { throw .underflow }
        guard end - start <= DynamoNumber.maximumDigits else { throw .tooManyDigits }
        self.init(isNegative: negative, digits: Array(digits[start..<end]), exponent: exponent)
    }

    public init(_ value: Int) {
        // At most 19 digits: always inside DynamoDB's 38 digits and exponent range, so nothing to validate.
        var digits = String(value.magnitude).utf8.map { $0 - UInt8(ascii: "0") }
        let exponent = digits.count
        while digits.last == 0 { digits.removeLast() }
        self.init(isNegative: value < 0, digits: digits, exponent: exponent)
    }

    public var isZero: Bool { digits.isEmpty }

    /// Plain decimal text without exponent, as DynamoDB returns numbers.
    public var description: String {
        if digits.isEmpty { return "0" }
        var text = isNegative ? "-" : ""
        let characters = digits.map { Character(Unicode.Scalar($0 + 48)) }
        if exponent <= 0 {
            text += "0." + String(repeating: "0", count: -exponent) + String(characters)
        } else if exponent >= digits.count {
            text += String(characters) + String(repeating: "0", count: exponent - digits.count)
        } else {
            text += String(characters[0..<exponent]) + "." + String(characters[exponent...])
        }
        return text
    }

    /// An approximation for TTL arithmetic (epoch seconds), never for storage.
    public var doubleValue: Double { Double(description) ?? 0 }

    public static func < (lhs: DynamoNumber, rhs: DynamoNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        if lhs.isZero || rhs.isZero {
            if lhs.isZero && rhs.isZero { return false }
            return lhs.isZero ? !rhs.isNegative : rhs.isNegative
        }
        let magnitudeLess = DynamoNumber.magnitudeCompare(lhs, rhs)
        if magnitudeLess == 0 { return false }
        return lhs.isNegative ? magnitudeLess > 0 : magnitudeLess < 0
    }

    /// -1, 0 or 1 comparing absolute values of two non-zero numbers.
    static func magnitudeCompare(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> Int {
        if lhs.exponent != rhs.exponent { return lhs.exponent < rhs.exponent ? -1 : 1 }
        for (left, right) in zip(lhs.digits, rhs.digits) where left != right {
            return left < right ? -1 : 1
        }
        if lhs.digits.count == rhs.digits.count { return 0 }
        return lhs.digits.count < rhs.digits.count ? -1 : 1
    }

    /// Exact sum; fails when the result needs more than 38 digits or leaves the range.
    public func adding(_ other: DynamoNumber) throws(Failure) -> DynamoNumber {
        if isZero { return other }
        if other.isZero { return self }
        // Write both as integers scaled by 10^scale (scale = exponent - digit count), aligned to the smaller scale.
        let scale = Swift.min(exponent - digits.count, other.exponent - other.digits.count)
        let top = Swift.max(exponent, other.exponent)
        let width = top - scale
        guard width <= 400 else { throw .tooManyDigits }
        func aligned(_ number: DynamoNumber) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: width)
            let offset = top - number.exponent
            for (position, digit) in number.digits.enumerated() { result[offset + position] = digit }
            return result
        }
        let left = aligned(self)
        let right = aligned(other)
        if isNegative == other.isNegative {
            var result = [UInt8](repeating: 0, count: width + 1)
            var carry: UInt8 = 0
            for position in stride(from: width - 1, through: 0, by: -1) {
                let sum = left[position] + right[position] + carry
                result[position + 1] = sum % 10
                carry = sum / 10
            }
            result[0] = carry
            return try DynamoNumber(checkedNegative: isNegative, digits: result, exponent: top + 1)
        }
        // Opposite signs: subtract the smaller magnitude from the larger.
        let selfLarger = DynamoNumber.magnitudeCompare(self, other) >= 0
        let (big, small) = selfLarger ? (left, right) : (right, left)
        var result = [UInt8](repeating: 0, count: width)
        var borrow: Int = 0
        for position in stride(from: width - 1, through: 0, by: -1) {
            var difference = Int(big[position]) - Int(small[position]) - borrow
            borrow = 0
            if difference < 0 {
                difference += 10
                borrow = 1
            }
            result[position] = UInt8(difference)
        }
        return try DynamoNumber(
            checkedNegative: selfLarger ? isNegative : other.isNegative, digits: result, exponent: top)
    }

    public func negated() -> DynamoNumber { DynamoNumber(isNegative: !isNegative, digits: digits, exponent: exponent) }

    public func subtracting(_ other: DynamoNumber) throws(Failure) -> DynamoNumber { try adding(other.negated()) }

    /// Bytes whose unsigned lexicographic order equals numeric order (for SQLite key columns).
    public var orderedBytes: [UInt8] {
        if isZero { return [0x80] }
        let biased = UInt16(exponent + 1000)
        if !isNegative {
            var bytes: [UInt8] = [0xC0, UInt8(biased >> 8), UInt8(biased & 0xFF)]
            bytes.append(contentsOf: digits.map { $0 + 0x30 })
            return bytes
        }
        // Negative: bigger exponents and bigger digits mean smaller values, so invert both; a high
        // terminator makes a shorter digit string (a smaller magnitude) sort after its extensions.
        let inverted = UInt16.max - biased
        var bytes: [UInt8] = [0x40, UInt8(inverted >> 8), UInt8(inverted & 0xFF)]
        bytes.append(contentsOf: digits.map { 0x39 - $0 + 0x30 })
        bytes.append(0xFF)
        return bytes
    }
}
