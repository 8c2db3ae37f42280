import Foundation

/// X-Ray trace headers in Lambda's format: `Root=1-<8 hex time>-<24 hex>;Parent=<16 hex>;Sampled=0`.
enum TraceID {
    static func make(now: Date = Date()) -> String {
        let seconds = String(UInt32(truncatingIfNeeded: Int(now.timeIntervalSince1970)), radix: 16)
        let time = String(repeating: "0", count: max(0, 8 - seconds.count)) + seconds
        return "Root=1-\(time)-\(hex(bytes: 12));Parent=\(hex(bytes: 8));Sampled=0"
    }

    private static func hex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
