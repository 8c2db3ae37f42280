import Testing

@testable import LocalDynamo

@Suite struct JSONTests {
    @Test func roundTripsEscapesAndUnicode() throws {
        let text = #"{"a":"plain","b":"q\"uote\\back\nline\u0001","c":"\ud83d\ude00 é","d":[1,-2.5e3,true,false,null]}"#
        let parsed = try JSON.parse(Array(text.utf8))
        #expect(parsed["b"] == .string("q\"uote\\back\nline\u{1}"))
        #expect(parsed["c"] == .string("😀 é"))
        #expect(parsed["d"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(try JSON.parse(parsed.serialized()) == parsed)
    }

    @Test func rejectsMalformedInput() {
        for text in ["", "{", "{\"a\"}", "[1,]", "{\"a\":01x}", "\"\u{1}\"", "tru", "{} x", "\"\\ud800\""] {
            #expect(throws: JSONSyntaxError.self) { try JSON.parse(Array(text.utf8)) }
        }
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: JSONSyntaxError.self) { try JSON.parse(Array(deep.utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSON.parse([0x22, 0xFF, 0x22]) }
    }
}
