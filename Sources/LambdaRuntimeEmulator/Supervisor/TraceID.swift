import Foundation

/// X-Ray trace headers in Lambda's format: `Root=1-<8 hex time>-<24 hex>;Parent=<16 hex>;Sampled=0`.
enum TraceID {
    static func make(now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let time = hex(UInt64(UInt32(truncatingIfNeeded: Int(now.timeIntervalSince1970))), digits: 8)
        let root = hex(UInt64(generator.next() as UInt32), digits: 8) + hex(generator.next(), digits: 16)
        return "Root=1-\(time)-\(root);Parent=\(hex(generator.next(), digits: 16));Sampled=0"
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
