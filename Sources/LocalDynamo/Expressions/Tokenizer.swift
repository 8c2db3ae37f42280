/// A lexical token of the expression language.
enum Token: Equatable, CustomStringConvertible {
    case name(String)
    case nameRef(String)
    case valueRef(String)
    case integer(String)
    case symbol(String)
    case end

    var description: String {
        switch self {
        case .name(let text), .nameRef(let text), .valueRef(let text), .integer(let text), .symbol(let text):
            return text
        case .end: return "<EOF>"
        }
    }

    /// Whether this is the keyword `word` (keywords are case-insensitive).
    func isKeyword(_ word: String) -> Bool {
        if case .name(let text) = self { return text.uppercased() == word }
        return false
    }
}

/// Splits an expression into tokens.
enum Tokenizer {
    static func tokens(_ text: String, kind: ExpressionKind) throws(DynamoError) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var index = 0
        func isWordByte(_ byte: UInt8) -> Bool {
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 95
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case UInt8(ascii: "#"), UInt8(ascii: ":"):
                let start = index
                index += 1
                while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                guard index > start + 1 else { throw syntaxError(kind, token: text, near: text) }
                tokens.append(byte == UInt8(ascii: "#") ? .nameRef(text) : .valueRef(text))
            case 48...57:
                let start = index
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
                tokens.append(.integer(String(decoding: bytes[start..<index], as: UTF8.self)))
            case _ where isWordByte(byte):
                let start = index
                while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
                tokens.append(.name(String(decoding: bytes[start..<index], as: UTF8.self)))
            case UInt8(ascii: "<"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                    tokens.append(.symbol("<>"))
                    index += 2
                } else if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "=") {
                    tokens.append(.symbol("<="))
                    index += 2
                } else {
                    tokens.append(.symbol("<"))
                    index += 1
                }
            case UInt8(ascii: ">"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "=") {
                    tokens.append(.symbol(">="))
                    index += 2
                } else {
                    tokens.append(.symbol(">"))
                    index += 1
                }
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
                UInt8(ascii: "."), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"):
                tokens.append(.symbol(String(UnicodeScalar(byte))))
                index += 1
            default:
                var end = index + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                throw DynamoError.validation(
                    "Invalid \(kind.rawValue): Invalid character encountered; character: \(text)")
            }
        }
        tokens.append(.end)
        return tokens
    }

    static func syntaxError(_ kind: ExpressionKind, token: String, near: String) -> DynamoError {
        .validation("Invalid \(kind.rawValue): Syntax error; token: \"\(token)\", near: \"\(near)\"")
    }
}
