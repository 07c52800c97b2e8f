import Foundation
import NewsKitHTML

/// Decides the encoding of a page the way browsers do (BOM, then the transport charset,
/// then a prescan of the first 1024 bytes for `<meta>`, then the bytes), with the Korean
/// realities on top: every EUC-KR label means CP949, and a legacy label on bytes that are
/// valid multi-byte UTF-8 is overruled.
public enum EncodingSniffer {
    /// Decides how to decode `bytes`.
    /// - Parameters:
    ///   - bytes: the page's bytes.
    ///   - contentType: the HTTP `Content-Type` header, if the page was fetched.
    ///   - isHTML: whether to prescan for `<meta>` (not for text captures or Markdown).
    /// - Returns: the decision, and how many bytes of BOM to skip.
    public static func sniff(_ bytes: [UInt8], contentType: String? = nil, isHTML: Bool = true) -> (EncodingDecision, bomLength: Int) {
        decide(bytes, contentType: contentType, isHTML: isHTML, scan: UTF8Repair.scan(bytes))
    }

    /// ``sniff(_:contentType:isHTML:)`` with the UTF-8 scan of the bytes already done.
    static func decide(_ bytes: [UInt8], contentType: String?, isHTML: Bool = true, scan: UTF8Repair.Scan) -> (EncodingDecision, bomLength: Int) {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return (EncodingDecision(encoding: .utf8, source: .byteOrderMark, reason: "UTF-8 byte order mark"), 3)
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return (EncodingDecision(encoding: .utf16BE, source: .byteOrderMark, reason: "UTF-16BE byte order mark"), 2)
        }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return (EncodingDecision(encoding: .utf16LE, source: .byteOrderMark, reason: "UTF-16LE byte order mark"), 2)
        }
        var declared: (TextEncoding, EncodingDecision.Source, String)? = nil
        var late = false
        if let ct = contentType, let label = charsetParameter(Array(ct.utf8)), let e = TextEncoding(label: label) {
            declared = (e, .transport, label)
        } else if isHTML, let (label, isLate) = metaDeclaration(bytes), let e0 = TextEncoding(label: label) {
            // A meta declaring UTF-16 cannot be right (the prescan read it as ASCII): UTF-8.
            let e: TextEncoding = (e0 == .utf16LE || e0 == .utf16BE) ? .utf8 : e0
            declared = (e, .meta, label)
            late = isLate
        }
        let validUTF8 = scan.valid
        let hasMultibyte = scan.validWithMultibyte
        let where_: (EncodingDecision.Source) -> String = {
            $0 == .transport ? "in the Content-Type header" : late ? "in a <meta> tag after the first 1024 bytes" : "in a <meta> tag"
        }

        if let (encoding, source, label) = declared {
            if encoding == .utf16LE || encoding == .utf16BE {
                // A transport label of UTF-16 with no byte order mark: believe it only when the bytes
                // look like UTF-16 (markup in UTF-16 is full of zero bytes at every other position).
                if let evidence = utf16Evidence(bytes) {
                    let note = evidence == encoding ? "" : " (the zero bytes say \(evidence.rawValue))"
                    return (EncodingDecision(encoding: evidence, source: source, declaredLabel: label,
                                             reason: "declared \(label) \(where_(source))\(note)"), 0)
                }
                let (fallback, _) = decide(bytes, contentType: nil, isHTML: isHTML, scan: scan)
                return (EncodingDecision(encoding: fallback.encoding, source: .override, declaredLabel: label,
                                         reason: "declared \(label) \(where_(source)), but there is no byte order mark and the bytes are not UTF-16; \(fallback.reason)"), 0)
            }
            if encoding.isLegacy && hasMultibyte {
                return (EncodingDecision(encoding: .utf8, source: .override, declaredLabel: label,
                                         reason: "declared \(label) \(where_(source)), but the bytes are valid UTF-8 with multi-byte characters"), 0)
            }
            if encoding == .utf8 && !validUTF8 && looksLikeCP949(bytes) {
                return (EncodingDecision(encoding: .cp949, source: .override, declaredLabel: label,
                                         reason: "declared \(label) \(where_(source)), but the bytes are not UTF-8 and decode cleanly as CP949 Hangul"), 0)
            }
            let note = encoding == .cp949 && label.lowercased() != "cp949" ? " (decoded as CP949, its superset)" : ""
            return (EncodingDecision(encoding: encoding, source: source, declaredLabel: label,
                                     reason: "declared \(label) \(where_(source))\(note)"), 0)
        }
        if let evidence = utf16Evidence(bytes) {
            return (EncodingDecision(encoding: evidence, source: .sniffed,
                                     reason: "no declaration and no byte order mark; the zero bytes at every other position say \(evidence.rawValue)"), 0)
        }
        if validUTF8 {
            return (EncodingDecision(encoding: .utf8, source: .sniffed,
                                     reason: hasMultibyte ? "no declaration; the bytes are valid UTF-8" : "no declaration; the bytes are ASCII"), 0)
        }
        if looksLikeCP949(bytes) {
            return (EncodingDecision(encoding: .cp949, source: .sniffed, reason: "no declaration; the bytes are not UTF-8 and decode as CP949 Hangul"), 0)
        }
        return (EncodingDecision(encoding: .windows1252, source: .sniffed, reason: "no declaration; the bytes are neither UTF-8 nor CP949"), 0)
    }

    /// UTF-16LE or UTF-16BE when the first 4 KiB look like BOM-less UTF-16 text: zero bytes at
    /// least at a quarter of one parity's positions and almost never at the other's.
    static func utf16Evidence(_ bytes: [UInt8]) -> TextEncoding? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 16 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        var i = 0
        while i < n {
            if bytes[i] == 0 { zeroEven += 1 }
            if bytes[i + 1] == 0 { zeroOdd += 1 }
            i += 2
        }
        let pairs = n / 2
        if zeroOdd * 4 >= pairs && zeroEven * 20 <= zeroOdd { return .utf16LE }
        if zeroEven * 4 >= pairs && zeroOdd * 20 <= zeroEven { return .utf16BE }
        return nil
    }

    /// Whether the bytes decode as CP949 with almost no errors and contain Hangul syllables.
    static func looksLikeCP949(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.count > 65_536 ? Array(bytes[0..<65_536]) : bytes
        let (utf8, bad) = CP949Decoder.decode(sample)
        var hangul = 0
        var i = 0
        while i + 2 < utf8.count {
            // U+AC00…U+D7A3 encode as EA B0 80 … ED 9E A3
            let b = utf8[i]
            if b == 0xEA || b == 0xEB || b == 0xEC || (b == 0xED && utf8[i + 1] <= 0x9E) { hangul += 1; i += 3 } else { i += 1 }
        }
        return hangul > 0 && bad * 50 <= hangul
    }

    /// The `<meta>` charset label: from the 1024-byte prescan, else (`late`) from the first 64 KiB,
    /// as a browser's tree builder would find it and switch encodings while parsing.
    static func metaDeclaration(_ bytes: [UInt8]) -> (label: String, late: Bool)? {
        if let label = prescanForMeta(bytes) { return (label, false) }
        guard bytes.count > 1024 else { return nil }
        // Late declarations: find each "charset" (in its common casings) in the first 64 KiB
        // and prescan from the tag that holds it.
        return bytes.withUnsafeBufferPointer { all -> (String, Bool)? in
            let end = min(all.count, 65_536)
            for needle in ["charset", "CHARSET", "Charset"] {
                var from = 1024 - 16
                while from < end {
                    guard let offset = find(Array(needle.utf8), in: all, from: from, to: end) else { break }
                    var lt = offset
                    while lt > 0 && offset - lt < 512 && all[lt] != 0x3C { lt -= 1 }
                    if all[lt] == 0x3C, let label = prescan(UnsafeBufferPointer(rebasing: all[lt..<min(end, lt + 1024)])) {
                        return (label, true)
                    }
                    from = offset + 7
                }
            }
            return nil
        }
    }

    /// The offset of `needle` in `b[from..<to]` (memchr on its first byte, then a compare).
    static func find(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let base = b.baseAddress, let first = needle.first else { return nil }
        var i = from
        while i + needle.count <= to {
            guard let p = memchr(base + i, Int32(first), to - i) else { return nil }
            let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if at + needle.count > to { return nil }
            var k = 1
            while k < needle.count && b[at + k] == needle[k] { k += 1 }
            if k == needle.count { return at }
            i = at + 1
        }
        return nil
    }

    // MARK: The WHATWG prescan

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool { c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20 }
    @inline(__always) private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// Prescans the first `limit` bytes (1024, as browsers do) for a `<meta>` charset
    /// declaration; returns the label.
    /// - Parameters:
    ///   - all: the page's bytes, from the start (only the first `limit` are read).
    ///   - limit: how many bytes to scan.
    /// - Returns: the `charset` label as written (`EUC-KR`, not yet mapped to an encoding; see
    ///   ``TextEncoding/init(label:)``); nil when no `<meta>` in range declares one.
    public static func prescanForMeta(_ all: [UInt8], limit: Int = 1024) -> String? {
        all.withUnsafeBufferPointer { whole in
            prescan(UnsafeBufferPointer(rebasing: whole[0..<min(limit, whole.count)]))
        }
    }

    private static func prescan(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        guard let base = b.baseAddress else { return nil }
        @inline(__always) func at(_ p: Int) -> UInt8 { p < n ? b[p] : 0 }
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        var i = 0
        while i < n {
            // Jump to the next '<'.
            guard let lt = memchr(base + i, 0x3C, n - i) else { return nil }
            i = base.distance(to: lt.assumingMemoryBound(to: UInt8.self))
            let c1 = at(i + 1)
            if c1 == 0x21 && at(i + 2) == 0x2D && at(i + 3) == 0x2D {           // <!--
                i += 4
                while i < n && !(b[i] == 0x2D && at(i + 1) == 0x2D && at(i + 2) == 0x3E) { i += 1 }
                i += 3
                continue
            }
            if lower(c1) == 0x6D && lower(at(i + 2)) == 0x65 && lower(at(i + 3)) == 0x74 && lower(at(i + 4)) == 0x61
                && (isSpace(at(i + 5)) || at(i + 5) == 0x2F) {                   // <meta
                i += 6
                var gotPragma = false
                var needPragma: Bool? = nil
                var charset: String? = nil
                var seen = Set<String>()
                while let (name, value, next) = getAttribute(b, i) {
                    i = next
                    if seen.contains(name) { continue }
                    seen.insert(name)
                    if name == "http-equiv" && value == "content-type" { gotPragma = true }
                    else if name == "content" && charset == nil {
                        if let c = charsetParameter(Array(value.utf8)) { charset = c; needPragma = true }
                    } else if name == "charset" {
                        charset = value; needPragma = false
                    }
                }
                guard let np = needPragma, let cs = charset else { continue }
                if np && !gotPragma { continue }
                if TextEncoding(label: cs) == nil { continue }
                return cs
            }
            if isLetter(c1) || (c1 == 0x2F && isLetter(at(i + 2))) {
                i += 2
                while i < n && !isSpace(b[i]) && b[i] != 0x3E { i += 1 }
                while let next = skipAttribute(b, i) { i = next }
                continue
            }
            if c1 == 0x21 || c1 == 0x2F || c1 == 0x3F {
                while i < n && b[i] != 0x3E { i += 1 }
                i += 1
                continue
            }
            i += 1
        }
        return nil
    }

    /// The "get an attribute" step without building strings: the position after the attribute.
    private static func skipAttribute(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let n = b.count
        var i = start
        while i < n && (isSpace(b[i]) || b[i] == 0x2F) { i += 1 }
        guard i < n, b[i] != 0x3E else { return nil }
        var nameLength = 0
        while i < n {
            let c = b[i]
            if c == 0x3D && nameLength > 0 { i += 1; break }
            if isSpace(c) {
                while i < n && isSpace(b[i]) { i += 1 }
                if i < n && b[i] == 0x3D { i += 1; break }
                return i
            }
            if c == 0x2F || c == 0x3E { return i }
            nameLength += 1; i += 1
        }
        while i < n && isSpace(b[i]) { i += 1 }
        guard i < n else { return i }
        if b[i] == 0x22 || b[i] == 0x27 {
            let q = b[i]
            i += 1
            while i < n && b[i] != q { i += 1 }
            return i + 1
        }
        while i < n && !isSpace(b[i]) && b[i] != 0x3E { i += 1 }
        return i
    }

    /// The "get an attribute" step of the prescan: name, value (lowercased) and the next position.
    private static func getAttribute(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> (String, String, Int)? {
        let n = b.count
        var i = start
        while i < n && (isSpace(b[i]) || b[i] == 0x2F) { i += 1 }
        guard i < n, b[i] != 0x3E else { return nil }
        var name: [UInt8] = []
        var value: [UInt8] = []
        while i < n {
            let c = b[i]
            if c == 0x3D && !name.isEmpty { i += 1; break }
            if isSpace(c) {
                while i < n && isSpace(b[i]) { i += 1 }
                if i < n && b[i] == 0x3D { i += 1; break }
                return (String(decoding: name, as: UTF8.self), "", i)
            }
            if c == 0x2F || c == 0x3E { return (String(decoding: name, as: UTF8.self), "", i) }
            name.append(lower(c)); i += 1
        }
        while i < n && isSpace(b[i]) { i += 1 }
        guard i < n else { return (String(decoding: name, as: UTF8.self), "", i) }
        if b[i] == 0x22 || b[i] == 0x27 {
            let q = b[i]
            i += 1
            while i < n && b[i] != q { value.append(lower(b[i])); i += 1 }
            i += 1
        } else {
            while i < n && !isSpace(b[i]) && b[i] != 0x3E { value.append(lower(b[i])); i += 1 }
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self), i)
    }

    /// "Extracting a character encoding from a meta element" (also used for Content-Type).
    static func charsetParameter(_ s: [UInt8]) -> String? {
        let n = s.count
        var i = 0
        while i + 7 <= n {
            let word = s[i..<(i + 7)].map(lower)
            if word.elementsEqual("charset".utf8) {
                var j = i + 7
                while j < n && isSpace(s[j]) { j += 1 }
                guard j < n, s[j] == 0x3D else { i += 7; continue }
                j += 1
                while j < n && isSpace(s[j]) { j += 1 }
                guard j < n else { return nil }
                if s[j] == 0x22 || s[j] == 0x27 {
                    let q = s[j]
                    guard let close = s[(j + 1)...].firstIndex(of: q) else { return nil }
                    return String(decoding: s[(j + 1)..<close], as: UTF8.self)
                }
                var k = j
                while k < n && !isSpace(s[k]) && s[k] != 0x3B { k += 1 }
                return k > j ? String(decoding: s[j..<k], as: UTF8.self) : nil
            }
            i += 1
        }
        return nil
    }
}
