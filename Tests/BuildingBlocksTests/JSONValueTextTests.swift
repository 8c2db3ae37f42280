import BuildingBlocks
import Foundation
import Testing

@Suite struct JSONValueTextTests {
    @Test func writesCompactTextWithSortedKeys() {
        let value = JSONValue.object([
            "z": .array([.number(1), .number(2.5), .null, .bool(true)]), "a": .string("x \"y\"\n/"),
            "m": .object(["b": .bool(false), "a": .number(-3)]),
        ])
        #expect(
            value.sortedCompactText
                == #"{"a":"x \"y\"\n/","m":{"a":-3,"b":false},"z":[1,2.5,null,true]}"#)
        #expect(JSONValue.number(.infinity).sortedCompactText == "null")
    }

    @Test func readsBackAsTheSameValue() throws {
        let value = JSONValue.object([
            "text": .string("ää \u{1} \t 🚀"), "list": .array([.string(""), .number(1e20), .number(0.001)]),
        ])
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(value.sortedCompactText.utf8))
        #expect(decoded == value)
    }

    @Test func readsMembersByType() throws {
        let value = try JSONDecoder().decode(
            JSONValue.self, from: Data(#"{"a":"x","b":[1],"c":{"d":null}}"#.utf8))
        #expect(value["a"]?.stringValue == "x")
        #expect(value["b"]?.arrayValue == [.number(1)])
        #expect(value["c"]?.objectValue == ["d": .null])
        #expect(value["a"]?.arrayValue == nil)
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("x")["a"] == nil)
    }
}
