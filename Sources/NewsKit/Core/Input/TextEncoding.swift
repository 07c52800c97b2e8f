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
