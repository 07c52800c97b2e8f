import Foundation
import NewsKitHTML

/// Decodes bytes in a ``TextEncoding`` to UTF-8 bytes; undecodable sequences become U+FFFD.
enum TextDecoder {
    /// - Returns: UTF-8 bytes and the number of U+FFFD replacements made.
    static func decode(_ bytes: [UInt8], as encoding: TextEncoding, knownValidUTF8: Bool = false) -> (utf8: [UInt8], replacements: Int) {
        switch encoding {
        case .utf8:
            if knownValidUTF8 { return (bytes, 0) }
            let repaired = UTF8Repair.repaired(bytes)
            return (repaired, repaired.count == bytes.count && repaired == bytes ? 0 : countReplacements(repaired) - countReplacements(bytes))
        case .utf16LE, .utf16BE:
            return decodeUTF16(bytes, bigEndian: encoding == .utf16BE)
        case .cp949:
            return CP949Decoder.decode(bytes)
        case .windows1252:
            return decodeWindows1252(bytes)
        case .shiftJIS, .eucJP, .iso2022JP, .windows1251, .windows1250, .iso88592:
            let fe: String.Encoding
            switch encoding {
            case .shiftJIS: fe = .shiftJIS
            case .eucJP: fe = .japaneseEUC
            case .iso2022JP: fe = .iso2022JP
            case .windows1251: fe = .windowsCP1251
            case .windows1250: fe = .windowsCP1250
            default: fe = .isoLatin2
            }
            if let s = String(bytes: bytes, encoding: fe) { return (Array(s.utf8), 0) }
            // Foundation refuses input with any bad byte: keep what is ASCII, replace the rest.
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var bad = 0
            for b in bytes {
                if b < 0x80 { out.append(b) } else { out.append(contentsOf: [0xEF, 0xBF, 0xBD]); bad += 1 }
            }
            return (out, bad)
        }
    }

    static func countReplacements(_ bytes: [UInt8]) -> Int {
        var n = 0
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { n += 1; i += 3 } else { i += 1 }
        }
        return n
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> (utf8: [UInt8], replacements: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        var bad = 0
        var i = 0
        func unit(_ k: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1]) : UInt32(bytes[k + 1]) << 8 | UInt32(bytes[k])
        }
        while i + 1 < bytes.count {
            let u = unit(i)
            i += 2
            if u >= 0xD800 && u <= 0xDBFF {
                if i + 1 < bytes.count {
                    let v = unit(i)
                    if v >= 0xDC00 && v <= 0xDFFF {
                        i += 2
                        appendUTF8(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), to: &out)
                        continue
                    }
                }
                appendUTF8(0xFFFD, to: &out); bad += 1
            } else if u >= 0xDC00 && u <= 0xDFFF {
                appendUTF8(0xFFFD, to: &out); bad += 1
            } else {
                appendUTF8(u, to: &out)
            }
        }
        if i < bytes.count { appendUTF8(0xFFFD, to: &out); bad += 1 }
        return (out, bad)
    }

    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: [UInt8]) -> (utf8: [UInt8], replacements: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b) }
            else if b < 0xA0 { appendUTF8(windows1252High[Int(b - 0x80)], to: &out) }
            else { appendUTF8(UInt32(b), to: &out) }
        }
        return (out, 0)
    }
}
