import BuildingBlocks
import CLibZ

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds zip archives in memory: deflated entries (stored when deflate would not shrink them), CRC-32 and raw
/// deflate from zlib, times in UTC. No zip64: entries and archives stay far below 4 GB.
public enum ZipBuilder {
    public static func zip(_ entries: [(path: String, data: Data)], date: Date) throws(DocumentError) -> Data {
        let time = DOSTime(date)
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        for (path, data) in entries {
            let name = Array(path.utf8)
            let content = Array(data)
            let compressed = try deflated(content)
            let useDeflate = compressed.count < content.count
            let stored = useDeflate ? compressed : content
            guard name.count <= 0xFFFF, stored.count < 0xFFFF_FFFF, content.count < 0xFFFF_FFFF,
                archive.count < 0xFFFF_FFFF
            else { throw .packaging("\(path) is too large for a zip without zip64") }
            let header = ZipHeaderFields(
                crc: checksum(content), method: useDeflate ? 8 : 0, compressedSize: UInt32(stored.count),
                size: UInt32(content.count), time: time, utf8Name: !path.unicodeScalars.allSatisfy(\.isASCII),
                localHeaderOffset: UInt32(archive.count))
            archive += header.localHeader(name: name)
            archive += stored
            directory += header.centralHeader(name: name)
        }
        guard entries.count <= 0xFFFF, directory.count < 0xFFFF_FFFF else {
            throw .packaging("too many entries for a zip without zip64")
        }
        let directoryOffset = UInt32(archive.count)
        archive += directory
        var end = ZipBytes()
        end.u32(0x0605_4B50)
        end.u16(0)  // this disk
        end.u16(0)  // the disk where the directory starts
        end.u16(UInt16(entries.count))
        end.u16(UInt16(entries.count))
        end.u32(UInt32(directory.count))
        end.u32(directoryOffset)
        end.u16(0)  // no comment
        archive += end.bytes
        return Data(archive)
    }

    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// Raw deflate at the best compression (the parts are small, so speed hardly matters).
    private static func deflated(_ bytes: [UInt8]) throws(DocumentError) -> [UInt8] {
        var stream = z_stream()
        guard clibz_raw_deflate_init(&stream, Z_BEST_COMPRESSION) == Z_OK else {
            throw .packaging("zlib could not start deflate")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .packaging("zlib deflate failed (\(status))") }
        return Array(output.prefix(Int(stream.total_out)))
    }
}

/// A date and time in MS-DOS form (two-second steps, years 1980-2107), in UTC.
struct DOSTime {
    let date: UInt16
    let time: UInt16

    init(_ instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let civil = CivilCalendar.date(fromDays: days)
        // Outside DOS's years the nearest representable time is written: 1980-01-01 00:00 or 2107-12-31 23:59:58.
        guard civil.year >= 1980 else {
            (date, time) = (0x0021, 0)
            return
        }
        guard civil.year <= 2107 else {
            (date, time) = (0xFF9F, 0xBF7D)
            return
        }
        let secondOfDay = seconds - days * 86_400
        date = UInt16((civil.year - 1980) << 9 | civil.month << 5 | civil.day)
        time = UInt16((secondOfDay / 3_600) << 11 | (secondOfDay / 60 % 60) << 5 | (secondOfDay % 60) / 2)
    }
}

/// The fields a local header and its central-directory entry share.
struct ZipHeaderFields {
    let crc: UInt32
    let method: UInt16
    let compressedSize: UInt32
    let size: UInt32
    let time: DOSTime
    let utf8Name: Bool
    let localHeaderOffset: UInt32

    /// Bit 11: the name is UTF-8.
    private var flags: UInt16 { utf8Name ? 0x0800 : 0 }

    func localHeader(name: [UInt8]) -> [UInt8] {
        var bytes = ZipBytes()
        bytes.u32(0x0403_4B50)
        bytes.u16(20)  // version needed: 2.0 (deflate)
        common(&bytes, name: name)
        bytes.bytes += name
        return bytes.bytes
    }

    func centralHeader(name: [UInt8]) -> [UInt8] {
        var bytes = ZipBytes()
        bytes.u32(0x0201_4B50)
        bytes.u16(0x031E)  // made by: Unix, zip 3.0, so the permissions below are read
        bytes.u16(20)
        common(&bytes, name: name)
        bytes.u16(0)  // no comment
        bytes.u16(0)  // disk 0
        bytes.u16(0)  // internal attributes
        bytes.u32(0o100644 << 16)  // a regular file, rw-r--r--
        bytes.u32(localHeaderOffset)
        bytes.bytes += name
        return bytes.bytes
    }

    private func common(_ bytes: inout ZipBytes, name: [UInt8]) {
        bytes.u16(flags)
        bytes.u16(method)
        bytes.u16(time.time)
        bytes.u16(time.date)
        bytes.u32(crc)
        bytes.u32(compressedSize)
        bytes.u32(size)
        bytes.u16(UInt16(name.count))
        bytes.u16(0)  // no extra field
    }
}

/// Little-endian integers appended to a byte buffer.
struct ZipBytes {
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    mutating func u32(_ value: UInt32) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}
