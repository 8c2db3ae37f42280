/// What a table entry stands for.
enum TokenEntryKind: UInt8, Sendable {
    case skill
    case level
    case yearUnit
    /// A role family word (value: the family's index).
    case family
    /// A city (value: its index in `PlaceVocabulary.cities`).
    case place
    /// A remote-work word (value: a `RemoteSignal` bit).
    case remote
    /// A section marker (value 0: requirements follow, 1: what is named here or next is nice to have).
    case section
}

/// A phrase to look for, stored under the hash of its last token.
struct TokenEntry: Sendable {
    var kind: TokenEntryKind
    /// Skill index, level rank, family or city index, or a signal bit.
    var value: Int32
    var ambiguous: Bool
    var exactHash: UInt64
    /// The tokens before the last one (0...3 of them), latest first.
    var previousCount: Int8
    var previous0: UInt64
    var previous1: UInt64
    var previous2: UInt64
    /// The next entry under the same hash, or -1.
    var next: Int32
}

/// An open-addressing hash table from token hash to a chain of entries: one probe per token, no
/// allocation, which is what makes scoring hundreds of thousands of listings a second possible.
/// A one-bit-per-hash filter (8 KiB, so it stays in the L1 cache) answers most absent tokens, which
/// are most words of an ad, before the table is touched.
struct TokenTable: Sendable {
    private var keys: [UInt64]
    private var heads: [Int32]
    private(set) var entries: [TokenEntry] = []
    private let mask: Int
    private var filter = [UInt64](repeating: 0, count: TokenFilter.words)

    init(expectedEntries: Int) {
        var capacity = 16
        while capacity < expectedEntries * 3 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        heads = Array(repeating: -1, count: capacity)
        mask = capacity - 1
    }

    /// Adds a phrase given as lower-cased token hashes.
    mutating func insert(tokens: [UInt64], kind: TokenEntryKind, value: Int32, ambiguous: Bool, exactHash: UInt64) {
        guard let last = tokens.last, tokens.count <= 4 else { return }
        let before = tokens.dropLast().reversed().map { $0 }
        var entry = TokenEntry(
            kind: kind, value: value, ambiguous: ambiguous, exactHash: exactHash, previousCount: Int8(before.count),
            previous0: before.count > 0 ? before[0] : 0, previous1: before.count > 1 ? before[1] : 0,
            previous2: before.count > 2 ? before[2] : 0, next: -1)
        var slot = Int(truncatingIfNeeded: last) & mask
        while heads[slot] != -1 && keys[slot] != last { slot = (slot + 1) & mask }
        entry.next = heads[slot]
        filter[TokenFilter.word(of: last)] |= TokenFilter.bit(of: last)
        keys[slot] = last
        heads[slot] = Int32(entries.count)
        entries.append(entry)
    }

    /// Runs `body` with unchecked, retain-free views of the table (the scoring loop's hot path).
    func withLookup<Result>(_ body: (TokenLookup) -> Result) -> Result {
        keys.withUnsafeBufferPointer { keys in
            heads.withUnsafeBufferPointer { heads in
                entries.withUnsafeBufferPointer { entries in
                    filter.withUnsafeBufferPointer { filter in
                        body(TokenLookup(keys: keys, heads: heads, entries: entries, mask: mask, filter: filter))
                    }
                }
            }
        }
    }
}

/// A borrowed view of a `TokenTable`, valid only inside `withLookup`.
struct TokenLookup {
    let keys: UnsafeBufferPointer<UInt64>
    let heads: UnsafeBufferPointer<Int32>
    let entries: UnsafeBufferPointer<TokenEntry>
    let mask: Int
    let filter: UnsafeBufferPointer<UInt64>

    /// The first entry index for a token hash, or -1.
    @inline(__always)
    func head(for hash: UInt64) -> Int32 {
        guard filter[TokenFilter.word(of: hash)] & TokenFilter.bit(of: hash) != 0 else { return -1 }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let head = heads[slot]
            if head == -1 || keys[slot] == hash { return head }
            slot = (slot + 1) & mask
        }
    }
}

/// Where a token hash sits in the table's filter: its top 16 bits pick one of 65,536 bits (the table's
/// slots use the low bits, so the two tests are independent).
enum TokenFilter {
    static let words = 1 << 10

    @inline(__always)
    static func word(of hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 54) }

    @inline(__always)
    static func bit(of hash: UInt64) -> UInt64 { 1 &<< ((hash >> 48) & 63) }
}
