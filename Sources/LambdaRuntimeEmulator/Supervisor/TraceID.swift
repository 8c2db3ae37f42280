import Foundation

/// X-Ray trace headers in Lambda's format: `Root=1-<8 hex time>-<24 hex>;Parent=<16 hex>;Sampled=0`.
enum TraceID {
    static func make<Generator: RandomNumberGenerator>(now: Date = Date(), using generator: inout Generator) -> String {
        let random = RandomHex.bytes(20, using: &generator)
        let time = UInt32(truncatingIfNeeded: Int(now.timeIntervalSince1970))
        let timeHex = RandomHex.hex(withUnsafeBytes(of: time.bigEndian) { Array($0) }[...])
        return "Root=1-\(timeHex)-\(RandomHex.hex(random[0..<12]));Parent=\(RandomHex.hex(random[12..<20]));Sampled=0"
    }

    static func make(now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(now: now, using: &generator)
    }
}
