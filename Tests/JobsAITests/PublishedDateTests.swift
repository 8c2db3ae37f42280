import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@Suite struct PublishedDateTests {
    static let now = Date(timeIntervalSince1970: 1_739_793_600)  // 2025-02-17 12:00 UTC
    static let midnight = Date(timeIntervalSince1970: 1_739_750_400)  // 2025-02-17 00:00 UTC

    @Test func readsTheFormsBoardsPrint() {
        #expect(PublishedDate.parse("2025-02-11", now: Self.now) == Date(timeIntervalSince1970: 1_739_232_000))
        #expect(
            PublishedDate.parse("2025-02-11T08:00:00+02:00", now: Self.now)
                == Date(timeIntervalSince1970: 1_739_232_000))
        #expect(PublishedDate.parse("11.2.2025", now: Self.now) == Date(timeIntervalSince1970: 1_739_232_000))
        #expect(PublishedDate.parse("Tänään", now: Self.now) == Self.midnight)
        #expect(PublishedDate.parse("eilen", now: Self.now) == Self.midnight.addingTimeInterval(-86_400))
        #expect(PublishedDate.parse("3 päivää sitten", now: Self.now) == Self.midnight.addingTimeInterval(-3 * 86_400))
        #expect(PublishedDate.parse("2 weeks ago", now: Self.now) == Self.midnight.addingTimeInterval(-14 * 86_400))
        #expect(PublishedDate.parse("", now: Self.now) == nil)
        #expect(PublishedDate.parse("31.13.2025", now: Self.now) == nil)
        #expect(PublishedDate.parse("Haku päättyy pian", now: Self.now) == nil)
    }
}
