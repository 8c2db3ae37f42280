import BuildingBlocks
import Testing

/// One reading of settings from the environment.
@Suite struct EnvironmentVariablesTests {
    let environment = EnvironmentVariables([
        "SET": "  value\t", "BLANK": " \t ", "EMPTY": "", "LIST": " a, b ,,c ,", "INNER": " two words ",
    ])

    @Test func blankAndEmptyCountAsUnset() {
        #expect(environment.text("SET") == "value")
        #expect(environment.text("INNER") == "two words")
        #expect(environment.text("BLANK") == nil)
        #expect(environment.text("EMPTY") == nil)
        #expect(environment.text("MISSING") == nil)
    }

    @Test func theFirstSetNameWins() {
        #expect(environment.text(anyOf: "MISSING", "BLANK", "SET") == "value")
        #expect(environment.text(anyOf: "MISSING", "EMPTY") == nil)
    }

    @Test func listsDropEmptyItems() {
        #expect(environment.list("LIST") == ["a", "b", "c"])
        #expect(environment.list("MISSING") == [])
    }
}
