/// A parsed XML element: name (namespace prefix removed), attributes, text and children.
///
/// Enough XML for the documents AWS services and their clients exchange (S3 requests and answers). It reads
/// UTF-8 bytes without Foundation's XML stack, so nothing that parses one links libxml2. A DOCTYPE is refused:
/// no entity expansion, no external references.
public struct XMLElementTree: Sendable, Hashable {
    public var name: String
    public var attributes: [String: String]
    public var text: String
    public var children: [XMLElementTree]

    public init(
        name: String, attributes: [String: String] = [:], text: String = "", children: [XMLElementTree] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The first child with this name.
    public func child(_ name: String) -> XMLElementTree? { children.first { $0.name == name } }

    /// Every child with this name, in document order.
    public func children(named name: String) -> [XMLElementTree] { children.filter { $0.name == name } }

    /// The text of the first child with this name, as written.
    public func text(of name: String) -> String? { child(name)?.text }

    /// Parses a whole document. Throws `XMLParseError` naming the byte offset of the first problem.
    public static func parse(_ bytes: [UInt8]) throws(XMLParseError) -> XMLElementTree {
        var reader = XMLReader(bytes: bytes)
        return try reader.document()
    }
}

/// Why a document is not well-formed XML (or uses a feature refused here).
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    /// The byte offset where the problem was found.
    public let offset: Int

    public var description: String { "malformed XML at byte \(offset): \(reason)" }
}

/// A single forward pass over the bytes; elements nest on an explicit stack, so depth costs no recursion.
struct XMLReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(XMLParseError) -> XMLElementTree {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        var stack: [XMLElementTree] = []
        var root: XMLElementTree?
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let text = try characterData()
                if stack.isEmpty {
                    guard text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) else {
                        throw fail("text outside the root element")
                    }
                } else {
                    stack[stack.count - 1].text += text
                }
            } else if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
                index += 9
                let start = index
                try skip(past: "]]>")
                stack[stack.count - 1].text += String(decoding: bytes[start..<(index - 3)], as: UTF8.self)
            } else if starts(with: "<!") {
                throw fail("DOCTYPE and declarations are not accepted")
            } else if starts(with: "</") {
                index += 2
                let name = try self.name()
                skipSpace()
                try expect(">")
                guard let open = stack.popLast(), open.name == localName(name) else {
                    throw fail("closing tag </\(name)> does not match")
                }
                if stack.isEmpty {
                    guard root == nil else { throw fail("more than one root element") }
                    root = open
                } else {
                    stack[stack.count - 1].children.append(open)
                }
            } else {
                index += 1
                let (element, selfClosing) = try startTag()
                if selfClosing {
                    if stack.isEmpty {
                        guard root == nil else { throw fail("more than one root element") }
                        root = element
                    } else {
                        stack[stack.count - 1].children.append(element)
                    }
                } else {
                    guard root == nil else { throw fail("more than one root element") }
                    stack.append(element)
                }
            }
        }
        guard stack.isEmpty else { throw fail("unclosed element <\(stack[stack.count - 1].name)>") }
        guard let root else { throw fail("no root element") }
        return root
    }

    private mutating func startTag() throws(XMLParseError) -> (XMLElementTree, selfClosing: Bool) {
        var element = XMLElementTree(name: localName(try name()))
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail("unterminated tag <\(element.name)") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (element, false)
            }
            if starts(with: "/>") {
                index += 2
                return (element, true)
            }
            let attribute = try name()
            skipSpace()
            try expect("=")
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
            else { throw fail("attribute \(attribute) has no quoted value") }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { throw fail("unterminated attribute \(attribute)") }
            element.attributes[attribute] = try decodeEntities(bytes[start..<index], at: start)
            index += 1
        }
    }

    private mutating func characterData() throws(XMLParseError) -> String {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        return try decodeEntities(bytes[start..<index], at: start)
    }

    private mutating func name() throws(XMLParseError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isNameByte =
                byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
            guard isNameByte else { break }
            index += 1
        }
        guard index > start else { throw fail("expected a name") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `s3:Key` is read as `Key`: documents are matched by local names, as with namespace processing on.
    private func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private func decodeEntities(_ slice: ArraySlice<UInt8>, at offset: Int) throws(XMLParseError) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var position = slice.startIndex
        while position < slice.endIndex {
            let byte = slice[position]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                position += 1
                continue
            }
            guard let semicolon = slice[position...].firstIndex(of: UInt8(ascii: ";")), semicolon - position <= 12
            else { throw XMLParseError(reason: "unterminated entity", offset: position) }
            let entity = String(decoding: slice[(position + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "amp": output.append(UInt8(ascii: "&"))
            case "quot": output.append(UInt8(ascii: "\""))
            case "apos": output.append(UInt8(ascii: "'"))
            default:
                let scalarValue: UInt32? =
                    entity.hasPrefix("#x") || entity.hasPrefix("#X")
                    ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst(), radix: 10) : nil
                guard let scalarValue, let scalar = Unicode.Scalar(scalarValue) else {
                    throw XMLParseError(reason: "unknown entity &\(entity);", offset: position)
                }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            position = semicolon + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    private mutating func skip(past terminator: StaticString) throws(XMLParseError) {
        let start = index
        while index < bytes.count {
            if starts(with: terminator) {
                index += terminator.utf8CodeUnitCount
                return
            }
            index += 1
        }
        index = start
        throw fail("unterminated construct, expected \(terminator)")
    }

    private mutating func expect(_ character: Character) throws(XMLParseError) {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else {
            throw fail("expected \(character)")
        }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index += 1
        }
    }

    private func fail(_ reason: String) -> XMLParseError { XMLParseError(reason: reason, offset: index) }
}
