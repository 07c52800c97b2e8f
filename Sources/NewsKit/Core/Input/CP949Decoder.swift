import Foundation
import NewsKitHTML

/// A decoder for CP949 (Unified Hangul Code), the superset of EUC-KR.
///
/// Foundation's EUC-KR decoder knows only the 2,350 KS X 1001 syllables and fails on the
/// other 8,822 (똠, 햏, 쀍 …) that Korean pages labelled `euc-kr` routinely contain; this
/// decoder covers all 11,172 syllables, hanja and symbols, following the WHATWG EUC-KR decoder:
/// bytes 0x81–0xFE lead a pair whose trail is 0x41–0xFE, an unmapped pair becomes U+FFFD,
/// and an ASCII trail byte after a bad lead is decoded again as ASCII.
enum CP949Decoder {
    /// Code points by pointer `(lead - 0x81) * 190 + (trail - 0x41)`; 0 where unmapped.
    static let table: [UInt16] = {
        let data = Data(base64Encoded: tableBase64) ?? Data()
        var table = [UInt16](repeating: 0, count: data.count / 2)
        data.withUnsafeBytes { raw in
            for i in 0..<table.count {
                table[i] = UInt16(raw[2 * i]) | UInt16(raw[2 * i + 1]) << 8
            }
        }
        return table
    }()

    /// Decodes CP949 bytes to UTF-8.
    /// - Returns: the UTF-8 bytes and how many U+FFFD replacements were made.
    static func decode(_ bytes: [UInt8]) -> (utf8: [UInt8], replacements: Int) {
        let table = CP949Decoder.table
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        var bad = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { out.append(lead); i += 1; continue }
            if lead == 0x80 || lead == 0xFF || i + 1 >= n {
                appendUTF8(0xFFFD, to: &out); bad += 1; i += 1; continue
            }
            let trail = bytes[i + 1]
            if trail >= 0x41 && trail <= 0xFE {
                let cp = table[Int(lead - 0x81) * 190 + Int(trail - 0x41)]
                if cp != 0 {
                    appendUTF8(UInt32(cp), to: &out)
                    i += 2
                    continue
                }
            }
            appendUTF8(0xFFFD, to: &out); bad += 1
            // An ASCII trail byte is not consumed: it is decoded again on its own.
            i += trail < 0x80 ? 1 : 2
        }
        return (out, bad)
    }
}
