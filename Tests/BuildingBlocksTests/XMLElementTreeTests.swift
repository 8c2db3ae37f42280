import BuildingBlocks
import Testing

@Suite struct XMLElementTreeTests {
    private func parse(_ text: String) throws(XMLParseError) -> XMLElementTree {
        try XMLElementTree.parse(Array(text.utf8))
    }

    @Test func readsAnS3ErrorDocument() throws {
        let root = try parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>
            """)
        #expect(root.name == "Error")
        #expect(root.text(of: "Code") == "NoSuchKey")
        #expect(root.text(of: "Message") == "The specified key does not exist.")
    }

    @Test func decodesEntitiesCDATAAndCharacterReferences() throws {
        let root = try parse(#"<a t="x &amp; &quot;y&quot;">1 &lt; 2 &#228;&#xE4; <![CDATA[<raw> & ]]></a>"#)
        #expect(root.attributes["t"] == "x & \"y\"")
        #expect(root.text == "1 < 2 ää <raw> & ")
    }

    @Test func dropsNamespacePrefixesAndKeepsOrder() throws {
        let root = try parse(
            #"<s3:List xmlns:s3="http://s3"><s3:Key>b</s3:Key><Key>a</Key><Empty/><!-- note --></s3:List>"#)
        #expect(root.name == "List")
        #expect(root.children(named: "Key").map(\.text) == ["b", "a"])
        #expect(root.child("Empty")?.children.isEmpty == true)
    }

    @Test func keepsMultiByteTextExactly() throws {
        #expect(try parse("<Key>café/日本/🎉</Key>").text == "café/日本/🎉")
    }

    @Test(arguments: [
        "", "<a>", "<a></b>", "<a/><b/>", "text", "<a>&unknown;</a>", "<a x=1/>", "<a><![CDATA[x</a>",
        #"<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>"#, "<a>&#xD800;</a>", "<a></a>trailing",
    ])
    func refusesMalformedDocuments(_ text: String) {
        #expect(throws: XMLParseError.self) { try parse(text) }
    }

    @Test func reportsWhereTheProblemIs() {
        do {
            _ = try parse("<a><b></a>")
            Issue.record("a mismatched closing tag was accepted")
        } catch {
            #expect(error.offset == 10)
            #expect(error.description.contains("</a>"))
        }
    }
}
