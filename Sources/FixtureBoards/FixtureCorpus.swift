import Foundation

/// A deterministic corpus of realistic Finnish job ads across stacks, levels and cities, in Finnish and
/// English. The same `size` always gives the same listings; only publication dates move with `today`.
public struct FixtureCorpus: Sendable {
    /// Every listing, by id order.
    public let listings: [FixtureListing]
    /// The day ages are counted from.
    public let today: Date

    /// The standard corpus: 600 listings.
    public init(size: Int = 600, today: Date = Date()) {
        var random = SplitMix(seed: 0x4A6F_6273_4149)
        var made: [FixtureListing] = []
        made.reserveCapacity(size)
        for index in 0..<size { made.append(CorpusWriter.listing(index, random: &random)) }
        self.init(listings: made, today: today)
    }

    /// A corpus of given listings (see `init(directory:today:)`).
    init(listings: [FixtureListing], today: Date) {
        let calendar = Calendar(identifier: .gregorian)
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        self.today = utc.startOfDay(for: today)
        self.listings = listings
        bySlug = Dictionary(listings.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Listings on one board matching a query (all words, case-insensitive), newest first.
    public func search(_ query: String, board: FixtureBoard) -> [FixtureListing] {
        let words = Self.words(query)
        let found = listings.filter { $0.boards.contains(board) && $0.matches(words) }
        let ranked = found.map { (listing: $0, headline: $0.matchesHeadline(words)) }
        return ranked.sorted { lhs, rhs in
            if lhs.headline != rhs.headline { return lhs.headline }
            if lhs.listing.ageDays != rhs.listing.ageDays { return lhs.listing.ageDays < rhs.listing.ageDays }
            return lhs.listing.id < rhs.listing.id
        }.map(\.listing)
    }

    /// The listing with this slug.
    public func listing(slug: String) -> FixtureListing? { bySlug[slug] }

    private let bySlug: [String: FixtureListing]

    /// The publication date of a listing.
    public func published(_ listing: FixtureListing) -> Date {
        today.addingTimeInterval(-Double(listing.ageDays) * 86_400)
    }

    /// Lower-cased query words; `+`, `-` and whitespace separate words.
    static func words(_ query: String) -> [String] {
        query.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "+" || $0 == "-" || $0 == "," })
            .map(String.init).filter { !$0.isEmpty }
    }
}

/// A small, fast, seedable random generator (SplitMix64), so the corpus is the same on every machine.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
