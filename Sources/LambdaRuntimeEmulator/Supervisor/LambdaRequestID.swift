/// Lambda request and invocation ids: random UUIDs (version 4) in lower case, without Foundation's `UUID()`,
/// which opens and reads `/dev/urandom` for every id (three system calls).
enum LambdaRequestID {
    static func make<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        var bytes = RandomHex.bytes(16, using: &generator)
        bytes[6] = bytes[6] & 0x0F | 0x40  // version 4
        bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 4122 variant
        let hex = Array(RandomHex.hex(bytes[...]).utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, digit) in hex.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { text.append(UInt8(ascii: "-")) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// An id from the system's generator (one `getrandom` per 8 bytes).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }
}

/// Random bytes and their lower-case hex.
enum RandomHex {
    static func bytes<Generator: RandomNumberGenerator>(_ count: Int, using generator: inout Generator) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// xoshiro256** seeded once from the system's generator: an environment draws its invocation and trace ids
/// from its own, so handing out an invocation costs no system call. Ids need to be distinct, not secret.
struct IdentifierGenerator: RandomNumberGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    init() {
        var system = SystemRandomNumberGenerator()
        state = (system.next(), system.next(), system.next(), system.next() | 1)
    }

    mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
