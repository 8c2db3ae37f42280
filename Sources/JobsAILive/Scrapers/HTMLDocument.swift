import CLibXML2
import JobsAI

// No Foundation here: libxml2's headers pull in the system ICU, which clashes with Foundation's copy.

/// Why a page could not be parsed.
public enum HTMLParseError: Error, Sendable, Equatable {
    /// libxml2 returned no document (empty or unreadable input).
    case unreadable(url: String)
}

/// An HTML page parsed by libxml2's forgiving HTML parser, queried with XPath. Not thread-safe: parse,
/// query and drop it within one function.
final class HTMLDocument {
    fileprivate let document: htmlDocPtr

    /// libxml2 must be initialised once before threads parse at the same time; a static is run once.
    private static let parserReady: Void = xmlInitParser()

    init(bytes: [UInt8], url: String) throws(HTMLParseError) {
        _ = Self.parserReady
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), url, "UTF-8", options)
            }
        }
        guard let parsed else { throw .unreadable(url: url) }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Nodes matching an XPath expression, relative to `context` when given.
    func select(_ xpath: String, in context: HTMLNode? = nil) -> [HTMLNode] {
        guard let xpathContext = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(xpathContext) }
        if let context { xpathContext.pointee.node = context.pointer }
        guard let result = xmlXPathEvalExpression(xpath, xpathContext) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let nodeSet = result.pointee.nodesetval, nodeSet.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(nodeSet.pointee.nodeNr)).compactMap { index in
            nodeSet.pointee.nodeTab[index].map { HTMLNode(pointer: $0, document: self) }
        }
    }

    /// The first node matching an XPath expression.
    func first(_ xpath: String, in context: HTMLNode? = nil) -> HTMLNode? { select(xpath, in: context).first }
}

/// A node of an `HTMLDocument` (keeps its document alive).
struct HTMLNode {
    let pointer: xmlNodePtr
    let document: HTMLDocument

    /// An attribute's value, if present.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// Nodes matching an XPath expression relative to this node.
    func select(_ xpath: String) -> [HTMLNode] { document.select(xpath, in: self) }

    /// The first node matching an XPath expression relative to this node.
    func first(_ xpath: String) -> HTMLNode? { document.first(xpath, in: self) }

    /// The text on one line: every run of whitespace, line breaks included, becomes one space.
    var inlineText: String { TextExtractor.collapse(TextExtractor.text(of: pointer)) }

    /// The text with block elements on their own lines, words never glued together.
    var blockText: String { TextExtractor.lines(TextExtractor.text(of: pointer)) }

    /// The text content exactly as stored (for `<script>` bodies such as JSON-LD).
    var rawText: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { free(content) }
        return String(cString: content)
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

    static func text(of node: xmlNodePtr) -> String {
        var output = ""
        append(node, to: &output)
        return output
    }

    private static func append(_ node: xmlNodePtr, to output: inout String) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { output += String(cString: content) }
        case XML_ELEMENT_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE:
            let isElement = node.pointee.type == XML_ELEMENT_NODE
            let name = isElement ? node.pointee.name.map { String(cString: $0).lowercased() } ?? "" : ""
            if skippedElements.contains(name) { return }
            let isBlock = blockElements.contains(name)
            // A cell or list item also ends with a space, so "a</td><td>b" never reads "ab".
            if isBlock { output += "\n" }
            var child = node.pointee.children
            while let current = child {
                append(current, to: &output)
                child = current.pointee.next
            }
            if isBlock { output += "\n" }
        default:
            return
        }
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

/// XPath spellings of the CSS selectors the reference gives.
enum XPath {
    /// `[class~=name]` for each class: all of them must be present.
    static func classes(_ names: String...) -> String {
        names.map { "contains(concat(' ', normalize-space(@class), ' '), ' \($0) ')" }.joined(separator: " and ")
    }
}
