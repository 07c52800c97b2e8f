import Foundation
import NewsKitHTML

/// A character encoding NewsKit can decode.
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// UTF-8, the default for pages that declare nothing and whose bytes are valid UTF-8.
    case utf8 = "UTF-8"
    /// UTF-16, little-endian (also what a bare `utf-16` label means).
    case utf16LE = "UTF-16LE"
    /// UTF-16, big-endian.
    case utf16BE = "UTF-16BE"
    /// Windows code page 949 (Unified Hangul Code): the superset of EUC-KR that every
    /// `euc-kr` label means in practice (browsers decode it so too).
    case cp949 = "CP949"
    /// windows-1252, which browsers use for `iso-8859-1`, `latin1` and `us-ascii` labels.
    case windows1252 = "windows-1252"
    /// Shift_JIS (Windows-31J), for Japanese pages.
    case shiftJIS = "Shift_JIS"
    /// EUC-JP, for Japanese pages.
    case eucJP = "EUC-JP"
    /// ISO-2022-JP, the 7-bit Japanese encoding of older mail and pages.
    case iso2022JP = "ISO-2022-JP"
    /// windows-1251, the Cyrillic Windows code page.
    case windows1251 = "windows-1251"
    /// windows-1250, the Central European Windows code page.
    case windows1250 = "windows-1250"
    /// ISO-8859-2 (Latin-2), Central European.
    case iso88592 = "ISO-8859-2"

    /// The encoding for a charset label (`euc-kr`, `ks_c_5601-1987`, `utf8` …), per the
    /// WHATWG Encoding standard's label table plus the Korean labels seen in the wild.
    /// - Parameter label: the label as declared; case and surrounding whitespace are ignored.
    /// - Returns: nil for a label NewsKit does not know or cannot decode.
    public init?(label: String) {
        let l = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let e = TextEncoding.labels[l] else { return nil }
        self = e
    }

    /// Whether this is a legacy (non-Unicode) encoding.
    public var isLegacy: Bool { self != .utf8 && self != .utf16LE && self != .utf16BE }

    static let labels: [String: TextEncoding] = {
        var m: [String: TextEncoding] = [:]
        func add(_ e: TextEncoding, _ names: [String]) { for n in names { m[n] = e } }
        add(.utf8, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"])
        add(.utf16LE, ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"])
        add(.utf16BE, ["unicodefffe", "utf-16be"])
        add(.cp949, ["csksc56011987", "euc-kr", "euckr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
                     "ksc5601", "ksc_5601", "windows-949", "cp949", "ms949", "uhc", "x-windows-949", "x-euc-kr",
                     "ks_c_5601", "ksc-5601", "ks-c-5601", "ks_c_5601-1992", "iso-2022-kr-euc"])
        add(.windows1252, ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                           "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
                           "us-ascii", "windows-1252", "x-cp1252", "x-user-defined"])
        add(.shiftJIS, ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"])
        add(.eucJP, ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"])
        add(.iso2022JP, ["csiso2022jp", "iso-2022-jp"])
        add(.windows1251, ["cp1251", "windows-1251", "x-cp1251"])
        add(.windows1250, ["cp1250", "windows-1250", "x-cp1250"])
        add(.iso88592, ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "l2", "latin2"])
        return m
    }()
}

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
