import Foundation
import JobsAI
import Testing

/// The job item's timestamps: written with milliseconds and `Z`, read with or without the fraction, refused otherwise.
@Suite struct JobTimestampTests {
    @Test func readsWhatItWritesToTheMillisecond() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_123.456)
        let text = JobTimestamp.format(date)
        #expect(text == "2027-01-15T08:02:03.456Z")
        let read = try #require(JobTimestamp.parse(text))
        #expect(abs(read.timeIntervalSince1970 - 1_800_000_123.456) < 0.000_001)
    }

    @Test func readsTheFormWithoutAFractionAndOtherFractionLengths() {
        #expect(JobTimestamp.parse("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(JobTimestamp.parse("2024-02-29T23:59:59Z") == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(JobTimestamp.parse("2024-02-29T23:59:59.5Z") == Date(timeIntervalSince1970: 1_709_251_199.5))
    }

    @Test(arguments: [
        "", "2024-02-29", "2024-02-29T23:59:59", "2024-02-29T23:59:59+00:00", "2024-02-29 23:59:59Z",
        "2024-13-01T00:00:00Z", "2024-02-29T24:00:00Z", "2024-02-29T23:59:59.Z", "2024-02-29T23:59:59,5Z",
        "2024-0a-29T23:59:59Z",
    ])
    func refusesAnythingElse(text: String) {
        #expect(JobTimestamp.parse(text) == nil)
    }
}
