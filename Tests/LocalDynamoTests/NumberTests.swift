import Testing

@testable import LocalDynamo

@Suite struct NumberTests {
    @Test func normalisesText() throws {
        #expect(try number("1.50").description == "1.5")
        #expect(try number("0001e2").description == "100")
        #expect(try number("-0.000120").description == "-0.00012")
        #expect(try number("-0").description == "0")
        #expect(try number("12345678.1234").description == "12345678.1234")
    }

    @Test(arguments: [0, 7, -7, 100, 1_200_300, -90, Int.max, Int.min])
    func integersEqualTheirParsedText(_ value: Int) throws {
        #expect(DynamoNumber(value) == (try number(String(value))))
    }

    @Test func rejectsBadNumbers() {
        for text in ["", "abc", "1..2", "1e", "NaN", "Infinity", " 1", "+", "+-1", "-+1", "1 "] {
            #expect(throws: DynamoNumber.Failure.notANumber) { try DynamoNumber(parsing: text) }
        }
        #expect(throws: DynamoNumber.Failure.tooManyDigits) {
            try DynamoNumber(parsing: "123456789012345678901234567890123456789")
        }
        #expect(throws: DynamoNumber.Failure.overflow) { try DynamoNumber(parsing: "1e126") }
        #expect(throws: DynamoNumber.Failure.underflow) { try DynamoNumber(parsing: "1e-131") }
        #expect((try? DynamoNumber(parsing: "9.9999999999999999999999999999999999999e125")) != nil)
        #expect((try? DynamoNumber(parsing: "1e-130")) != nil)
    }

    @Test func keeps38DigitsExactly() throws {
        let big = try number("12345678901234567890123456789012345678")
        #expect(big.description == "12345678901234567890123456789012345678")
        let sum = try big.adding(number("1"))
        #expect(sum.description == "12345678901234567890123456789012345679")
    }

    @Test func arithmetic() throws {
        #expect(try number("1.5").adding(number("2.25")).description == "3.75")
        #expect(try number("1").subtracting(number("3")).description == "-2")
        #expect(try number("-5").adding(number("5")).description == "0")
        #expect(try number("0.1").adding(number("0.2")).description == "0.3")
        #expect(throws: DynamoNumber.Failure.tooManyDigits) { try number("1e50").adding(number("1")) }
        #expect(throws: DynamoNumber.Failure.overflow) {
            try number("9.9999999999999999999999999999999999999e125").adding(number("1e125"))
        }
    }

    @Test func orderingIsNumeric() throws {
        let texts = ["-1e10", "-100", "-2.5", "-2", "-0.123", "-0.12", "0", "1e-5", "0.12", "0.123", "2", "10", "1e20"]
        let numbers = try texts.map(number)
        #expect(numbers.sorted() == numbers)
        // The stored key bytes sort the same way.
        let encoded = numbers.map(\.orderedBytes)
        let sorted = encoded.sorted { Evaluator.compareBytes($0, $1) < 0 }
        #expect(sorted == encoded)
    }

    @Test func sizeCountsDigitPairs() throws {
        #expect(ItemSize.of(.number(try number("12345"))) == 4)
        #expect(ItemSize.of(.number(try number("-1"))) == 3)
        #expect(ItemSize.of(["ab": .string("xyz")]) == 5)
        #expect(ItemSize.of(["l": .list([.bool(true), .null])]) == 1 + 3 + 2 + 2)
    }
}
