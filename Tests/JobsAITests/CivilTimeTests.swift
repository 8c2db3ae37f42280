import Foundation
import JobsAI
import Testing

@Suite struct CivilTimeTests {
    private func instant(_ text: String) throws -> Date {
        try Date.ISO8601FormatStyle().parse(text)
    }

    @Test func summerTimeStartsAndEndsAtOneUTCOnTheLastSundays() throws {
        // 2026: the last Sunday of March is the 29th, of October the 25th.
        #expect(CivilTime.helsinki(try instant("2026-03-29T00:59:59Z")).hour == 2)
        #expect(CivilTime.helsinki(try instant("2026-03-29T01:00:00Z")).hour == 4)
        #expect(CivilTime.helsinki(try instant("2026-10-25T00:59:59Z")).offsetMinutes == 180)
        #expect(CivilTime.helsinki(try instant("2026-10-25T01:00:00Z")).offsetMinutes == 120)
    }

    @Test func newYearArrivesInHelsinkiBeforeUTC() throws {
        let time = CivilTime.helsinki(try instant("2026-12-31T22:30:00Z"))
        #expect(time.englishLong == "1 January 2027")
        #expect(time.finnishLong == "1. tammikuuta 2027")
        #expect(time.w3c == "2027-01-01T00:30:00+02:00")
    }

    @Test func utcFormsAndDayCountsRoundTrip() throws {
        #expect(CivilTime(utc: try instant("2026-11-26T15:00:07Z")).w3c == "2026-11-26T15:00:07Z")
        #expect(CivilTime(utc: Date(timeIntervalSince1970: -1)).w3c == "1969-12-31T23:59:59Z")
        #expect(CivilTime.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilTime.days(year: 1970, month: 1, day: 1) == 0)
    }

    /// Foundation with the host's time-zone database is the reference; the packages never use it.
    @Test func agreesWithTheTimeZoneDatabaseOverTwentyYears() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Helsinki"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = try instant("2010-01-01T00:00:00Z").timeIntervalSince1970
        // A stride that is not a whole number of hours or days lands on every hour of the day and every
        // transition's neighbourhood over the years.
        for step in 0..<50_000 {
            let date = Date(timeIntervalSince1970: start + Double(step) * 12_613)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let ours = CivilTime.helsinki(date)
            #expect(
                [ours.year, ours.month, ours.day, ours.hour, ours.minute, ours.second]
                    == [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second],
                "\(date)")
            #expect(ours.offsetMinutes * 60 == zone.secondsFromGMT(for: date), "\(date)")
        }
    }
}
