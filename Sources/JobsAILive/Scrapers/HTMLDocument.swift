import CGumbo
import JobsAI

/// Why a page could not be parsed.
public enum HTMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input was empty.
    case unreadable(url: String)
    /// More elements open at once than `HTMLNestingGuard.limit` (Gumbo would take minutes over such a page).
    case tooDeeplyNested(url: String, limit: Int)

    public var description: String {
        switch self {
        case .unreadable: return "the page was empty"
        case .tooDeeplyNested(_, let limit): return "the page nests more than \(limit) elements"
        }
    }
}

/// An HTML page parsed by Gumbo (the HTML5 parsing algorithm browsers use, so any markup parses) into a tree
/// of `HTMLNode`s, queried with `CSSSelector`s. Not thread-safe: parse, query and drop it within one function.
final class HTMLDocument {
    /// The document node: the parent of `<html>`.
    let root: HTMLNode

    init(bytes: [UInt8], url: String) throws(HTMLParseError) {
        guard !bytes.isEmpty else { throw .unreadable(url: url) }
        guard HTMLNestingGuard.deepestNesting(bytes) <= HTMLNestingGuard.limit else {
            throw .tooDeeplyNested(url: url, limit: HTMLNestingGuard.limit)
        }
        var options = kGumboDefaultOptions
        options.max_errors = 0  // parse errors are not reported; recording them only costs memory
        let tree = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                withUnsafePointer(to: &options) { options -> HTMLNode in
                    let output = gumbo_parse_with_options(options, characters.baseAddress, characters.count)
                    defer { gumbo_destroy_output(options, output) }
                    return GumboTreeCopier.copy(output?.pointee.document)
                }
            }
        }
        root = tree
    }

    /// Nodes matching a selector below the document, in document order.
    func select(_ selector: CSSSelector) -> [HTMLNode] { selector.select(in: root) }

    /// The first node matching a selector, in document order.
    func first(_ selector: CSSSelector) -> HTMLNode? { select(selector).first }
}

/// A node of a parsed page: the document, an element, or text. Elements carry their lower-case tag name and
/// attributes; `order` is the node's position in document order.
final class HTMLNode {
    /// What a node is.
    enum Kind {
        case document
        case element(name: String, attributes: [String: String])
        case text(String)
    }

    let kind: Kind
    let order: Int
    fileprivate(set) var children: [HTMLNode] = []

    init(kind: Kind, order: Int) {
        self.kind = kind
        self.order = order
    }

    /// The lower-case tag name of an element; empty for the document and text.
    var name: String {
        if case .element(let name, _) = kind { return name }
        return ""
    }

    /// An attribute's value, if present.
    func attribute(_ name: String) -> String? {
        if case .element(_, let attributes) = kind { return attributes[name] }
        return nil
    }

    /// Nodes matching a selector below this node, in document order.
    func select(_ selector: CSSSelector) -> [HTMLNode] { selector.select(in: self) }

    /// The first node matching a selector below this node.
    func first(_ selector: CSSSelector) -> HTMLNode? { select(selector).first }

    /// The text on one line: every run of whitespace, line breaks included, becomes one space.
    var inlineText: String { TextExtractor.collapse(TextExtractor.text(of: self)) }

    /// The text with block elements on their own lines, words never glued together.
    var blockText: String { TextExtractor.lines(TextExtractor.text(of: self)) }

    /// The text content exactly as stored (for `<script>` bodies such as JSON-LD).
    var rawText: String {
        var text = ""
        var pending = [self]
        while let node = pending.popLast() {
            if case .text(let content) = node.kind { text += content }
            pending.append(contentsOf: node.children.reversed())
        }
        return text
    }
}

/// Copies Gumbo's tree into `HTMLNode`s (Gumbo's output is freed right after). Iterative, so a page nested
/// arbitrarily deep cannot exhaust the stack. Comments are dropped; whitespace and CDATA count as text.
private enum GumboTreeCopier {
    static func copy(_ document: UnsafeMutablePointer<GumboNode>?) -> HTMLNode {
        var order = 0
        let root = HTMLNode(kind: .document, order: order)
        guard let document else { return root }
        var pending: [(source: UnsafeMutablePointer<GumboNode>, parent: HTMLNode)] = children(of: document).reversed()
            .map { ($0, root) }
        while let (source, parent) = pending.popLast() {
            guard let kind = kind(of: source) else { continue }
            order += 1
            let node = HTMLNode(kind: kind, order: order)
            parent.children.append(node)
            pending += children(of: source).reversed().map { ($0, node) }
        }
        return root
    }

    private static func kind(of node: UnsafeMutablePointer<GumboNode>) -> HTMLNode.Kind? {
        switch node.pointee.type {
        case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
            var element = node.pointee.v.element
            return .element(name: tagName(&element), attributes: attributes(of: element))
        case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
            return .text(node.pointee.v.text.text.map { String(cString: $0) } ?? "")
        default:
            return nil
        }
    }

    private static func children(of node: UnsafeMutablePointer<GumboNode>) -> [UnsafeMutablePointer<GumboNode>] {
        switch node.pointee.type {
        case GUMBO_NODE_DOCUMENT: return pointers(node.pointee.v.document.children, as: GumboNode.self)
        case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
            return pointers(node.pointee.v.element.children, as: GumboNode.self)
        default: return []
        }
    }

    /// The element's tag name in lower case; for a tag Gumbo does not know, the name as written.
    private static func tagName(_ element: inout GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(element.tag) {
            return String(cString: name)
        }
        var piece = element.original_tag
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: piece.length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: piece.length), as: UTF8.self).lowercased()
        }
    }

    /// The attributes; when a name repeats, the first wins (as in browsers).
    private static func attributes(of element: GumboElement) -> [String: String] {
        var attributes: [String: String] = [:]
        for attribute in pointers(element.attributes, as: GumboAttribute.self) {
            guard let name = attribute.pointee.name else { continue }
            let key = String(cString: name)
            if attributes[key] == nil { attributes[key] = attribute.pointee.value.map { String(cString: $0) } ?? "" }
        }
        return attributes
    }

    private static func pointers<Element>(_ vector: GumboVector, as type: Element.Type) -> [UnsafeMutablePointer<
        Element
    >] {
        guard let data = vector.data else { return [] }
        return (0..<Int(vector.length)).compactMap { data[$0]?.assumingMemoryBound(to: Element.self) }
    }
}

/// Builds a node's text the way a browser lays it out: block elements and `<br>` break lines,
/// inline elements run on, scripts and styles are skipped.
enum TextExtractor {
    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "table", "td", "th", "tr", "ul",
    ]
    private static let skippedElements: Set<String> = ["script", "style", "noscript", "template", "head"]

    /// A step of the walk: enter a node, or close a block element after its children.
    private enum Step {
        case enter(HTMLNode)
        case closeBlock
    }

    static func text(of node: HTMLNode) -> String {
        var output = ""
        var steps = [Step.enter(node)]
        while let step = steps.popLast() {
            guard case .enter(let current) = step else {
                output += "\n"
                continue
            }
            switch current.kind {
            case .text(let content): output += content
            case .document, .element:
                let name = current.name
                if skippedElements.contains(name) { continue }
                // A cell or list item also ends with a line break, so "a</td><td>b" never reads "ab".
                let isBlock = blockElements.contains(name)
                if isBlock {
                    output += "\n"
                    steps.append(.closeBlock)
                }
                steps += current.children.reversed().map(Step.enter)
            }
        }
        return output
    }

    /// Every whitespace run (including non-breaking spaces) to one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Lines collapsed and trimmed, empty lines dropped.
    static func lines(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).map { collapse(String($0)) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}
