/// Slicing-by-16 lookup tables for a reflected 32-bit CRC: sixteen 256-entry tables, stored flat (16 KiB).
struct CRCTable: Sendable {
    /// Entry `k * 256 + i` is the CRC contribution of byte `i` followed by `k` zero bytes.
    let entries: [UInt32]

    /// Builds the tables for a reflected polynomial (0xEDB88320 for CRC32, 0x82F63B78 for CRC32C).
    init(reflectedPolynomial polynomial: UInt32) {
        var entries = [UInt32](repeating: 0, count: 16 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1
            }
            entries[index] = crc
        }
        for slice in 1..<16 {
            for index in 0..<256 {
                let previous = entries[(slice - 1) * 256 + index]
                entries[slice * 256 + index] = (previous >> 8) ^ entries[Int(previous & 0xFF)]
            }
        }
        self.entries = entries
    }

    /// Advances an inverted CRC register over `buffer`.
    func update(_ register: UInt32, _ buffer: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return register }
        return entries.withUnsafeBufferPointer { tables in
            guard let table = tables.baseAddress else { return register }
            var crc = register
            var offset = 0
            let count = buffer.count
            // Sixteen bytes per step: four little-endian words, sixteen independent table lookups.
            while count &- offset >= 16 {
                let first = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ crc
                let second = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset &+ 4, as: UInt32.self))
                let third = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt32.self))
                let fourth = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset &+ 12, as: UInt32.self))
                crc =
                    Self.lookup(table, 12, first) ^ Self.lookup(table, 8, second) ^ Self.lookup(table, 4, third)
                    ^ Self.lookup(table, 0, fourth)
                offset &+= 16
            }
            while offset < count {
                let byte = base.load(fromByteOffset: offset, as: UInt8.self)
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
                offset &+= 1
            }
            return crc
        }
    }

    /// The contribution of the four bytes of `word` when `lowestSlice` more zero-byte slices follow them.
    @inline(__always)
    private static func lookup(_ table: UnsafePointer<UInt32>, _ lowestSlice: Int, _ word: UInt32) -> UInt32 {
        table[(lowestSlice &+ 3) &* 256 &+ Int(word & 0xFF)]
            ^ table[(lowestSlice &+ 2) &* 256 &+ Int((word >> 8) & 0xFF)]
            ^ table[(lowestSlice &+ 1) &* 256 &+ Int((word >> 16) & 0xFF)]
            ^ table[lowestSlice &* 256 &+ Int(word >> 24)]
    }
}
