import BuildingBlocks
import Testing

/// The one XML/HTML escaper, in both of its modes.
@Suite struct XMLTextTests {
    @Test func markupCharactersAreEscaped() {
        #expect(XMLText.escape(#"a<b>&"c"'d"#) == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d")
        #expect(XMLText.escape("Äiti ☕ tab\tline\n") == "Äiti ☕ tab\tline\n")
    }

    @Test func forbiddenCharactersAreDroppedForDocuments() {
        #expect(XMLText.escape("a\u{1}b\u{FFFE}c\rd") == "abc\rd")
    }

    @Test func forbiddenCharactersBecomeReferencesForListings() {
        #expect(XMLText.escape("a\u{1}b\u{FFFF}c\rd", forbidden: .characterReference) == "a&#1;b&#65535;c&#13;d")
    }
}
