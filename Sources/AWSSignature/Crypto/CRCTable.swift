/// Slicing-by-8 lookup tables for a reflected 32-bit CRC: eight 256-entry tables, stored flat.
struct CRCTable: Sendable {
    /// Entry `k * 256 + i` is the CRC contribution of byte `i` followed by `k` zero bytes.
    let entries: [UInt32]

    /// Builds the tables for a reflected polynomial (0xEDB88320 for CRC32, 0x82F63B78 for CRC32C).
    init(reflectedPolynomial polynomial: UInt32) {
        var entries = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1
            }
            entries[index] = crc
        }
        for slice in 1..<8 {
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
        return entries.withUnsafeBufferPointer { table in
            var crc = register
            var offset = 0
            let count = buffer.count
            // Eight bytes per step: two 32-bit little-endian loads, eight table lookups.
            while count - offset >= 8 {
                let one = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ crc
                let two = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                crc =
                    table[7 * 256 + Int(one & 0xFF)] ^ table[6 * 256 + Int((one >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((one >> 16) & 0xFF)] ^ table[4 * 256 + Int(one >> 24)]
                    ^ table[3 * 256 + Int(two & 0xFF)] ^ table[2 * 256 + Int((two >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((two >> 16) & 0xFF)] ^ table[Int(two >> 24)]
                offset += 8
            }
            while offset < count {
                let byte = base.load(fromByteOffset: offset, as: UInt8.self)
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
                offset += 1
            }
            return crc
        }
    }
}
