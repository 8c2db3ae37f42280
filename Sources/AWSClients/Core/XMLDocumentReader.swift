import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small XML tree for reading S3's response documents (error bodies, listings).
struct XMLElementNode: Sendable {
    var name: String
    var text: String
    var children: [XMLElementNode]

    /// The first child with this name.
    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    /// Every child with this name, in document order.
    func children(named name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    /// The text of the first child with this name.
    func text(of name: String) -> String? { child(name)?.text }

    /// Parses a document; nil when it is not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> XMLElementNode? {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }
}

/// Builds `XMLElementNode`s from XMLParser's events.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLElementNode] = []
    var root: XMLElementNode?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(XMLElementNode(name: elementName, text: "", children: []))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        guard let finished = stack.popLast() else { return }
        if stack.isEmpty {
            root = finished
        } else {
            stack[stack.count - 1].children.append(finished)
        }
    }
}
