/// Estimates how deeply a page nests its elements before Gumbo parses it: Gumbo's tree construction slows
/// quadratically with the number of open elements (40,000 nested `<div>`s take seconds, a 5 MB page of them
/// minutes), so a page past `limit` is refused instead. libxml2, the parser before Gumbo, gave up at 256 levels.
enum HTMLNestingGuard {
    /// Open elements allowed at once; real pages stay far below a thousand.
    static let limit = 10_000

    /// Elements that never have content.
    private static let voidElements: Set<[UInt8]> = names(
        "area base br col embed hr img input keygen link meta param source track wbr")
    /// Elements a parser closes when a sibling of their kind starts, so they never pile up.
    private static let selfEndingElements: Set<[UInt8]> = names(
        "p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp")
    /// Elements whose content is text up to their own end tag.
    private static let rawTextElements: Set<[UInt8]> = names(
        "script style textarea title xmp iframe noembed noframes plaintext")

    /// The most elements open at once, counting start tags against end tags (an upper bound: end tags a page
    /// leaves out count as still open).
    static func deepestNesting(_ bytes: [UInt8]) -> Int {
        var open = 0
        var deepest = 0
        var index = 0
        while let start = next(UInt8(ascii: "<"), in: bytes, from: index) {
            index = start + 1
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: "!") {
                index = skipMarkupDeclaration(bytes, from: index)
            } else if bytes[index] == UInt8(ascii: "/") {
                let name = tagName(bytes, from: index + 1)
                if !name.isEmpty, !voidElements.contains(name), !selfEndingElements.contains(name) {
                    open = max(0, open - 1)
                }
                index = endOfTag(bytes, from: index)
            } else if isLetter(bytes[index]) {
                let name = tagName(bytes, from: index)
                index = endOfTag(bytes, from: index)
                if rawTextElements.contains(name) {
                    index = endOfRawText(bytes, name: name, from: index)
                } else if !voidElements.contains(name), !selfEndingElements.contains(name) {
                    open += 1
                    deepest = max(deepest, open)
                }
            }
        }
        return deepest
    }

    private static func names(_ list: String) -> Set<[UInt8]> { Set(list.split(separator: " ").map { Array($0.utf8) }) }

    private static func next(_ byte: UInt8, in bytes: [UInt8], from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        return bytes[index...].firstIndex(of: byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// The lower-case tag name starting at `index`.
    private static func tagName(_ bytes: [UInt8], from index: Int) -> [UInt8] {
        var name: [UInt8] = []
        var position = index
        while position < bytes.count, isLetter(bytes[position]) || (0x30...0x39).contains(bytes[position]) {
            name.append(bytes[position] | (isLetter(bytes[position]) ? 0x20 : 0))
            position += 1
        }
        return name
    }

    /// Just past the `>` ending the tag that starts at `index`, skipping quoted attribute values.
    private static func endOfTag(_ bytes: [UInt8], from index: Int) -> Int {
        var quote: UInt8?
        var position = index
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return position + 1
            }
            position += 1
        }
        return bytes.count
    }

    /// Past a comment (`<!-- ... -->`) or a doctype; `index` is at the `!`.
    private static func skipMarkupDeclaration(_ bytes: [UInt8], from index: Int) -> Int {
        let comment: [UInt8] = Array("!--".utf8)
        guard bytes[index...].starts(with: comment) else { return endOfTag(bytes, from: index) }
        var position = index + comment.count
        while position + 2 < bytes.count {
            if bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == UInt8(ascii: "-"),
                bytes[position + 2] == UInt8(ascii: ">")
            {
                return position + 3
            }
            position += 1
        }
        return bytes.count
    }

    /// Past the end tag of a raw-text element (its content holds no tags).
    private static func endOfRawText(_ bytes: [UInt8], name: [UInt8], from index: Int) -> Int {
        var position = index
        while let start = next(UInt8(ascii: "<"), in: bytes, from: position) {
            if start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "/"), tagName(bytes, from: start + 2) == name {
                return endOfTag(bytes, from: start)
            }
            position = start + 1
        }
        return bytes.count
    }
}
