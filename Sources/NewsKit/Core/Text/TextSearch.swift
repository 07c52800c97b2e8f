#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring tests over UTF-8 bytes. Foundation's `contains(_:)` on `String` goes through
/// CFString with locale-aware folding, which is far too slow to run on every block of a page.

@usableFromInline package enum TextSearch {
    /// Whether `needle` occurs in `hay` (`memchr` for the first byte, `memcmp` for the rest, on
    /// contiguous storage).
    @inlinable
    package static func find<H: RandomAccessCollection, N: RandomAccessCollection>(_ needle: N, in hay: H) -> Bool
    where H.Element == UInt8, N.Element == UInt8, H.Index == Int, N.Index == Int {
        if let found = hay.withContiguousStorageIfAvailable({ h in
            needle.withContiguousStorageIfAvailable { n in
                contiguousFind(n, in: h)
            }
        }), let result = found {
            return result
        }
        return slowFind(needle, in: hay)
    }

    @usableFromInline
    static func contiguousFind(_ n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let nb = n.baseAddress, !n.isEmpty else { return true }
        guard let hb = h.baseAddress, h.count >= n.count else { return false }
        if h.count <= 96 {
            // Short text: a plain scan costs less than choosing an anchor.
            let first = nb[0]
            var i = 0
            let last = h.count - n.count
            while i <= last {
                if hb[i] == first {
                    var k = 1
                    while k < n.count && hb[i + k] == nb[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
        // Anchor on the needle's rarest byte (a Hangul lead byte or an 'e' would stop memchr at
        // nearly every character), then compare the whole needle around it.
        var anchor = 0
        var best = UInt8.max
        for k in 0..<n.count {
            let r = byteRank[Int(nb[k])]
            if r < best { best = r; anchor = k }
        }
        let a = Int32(nb[anchor])
        var offset = anchor
        let lastAnchor = h.count - n.count + anchor
        while offset <= lastAnchor {
            guard let hit = memchr(hb + offset, a, lastAnchor - offset + 1) else { return false }
            let at = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(hb + at - anchor, nb, n.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }

    /// How common a byte is in Korean and English news text (higher is more common): the
    /// letters of English by frequency, spaces and punctuation, and UTF-8 lead bytes of Hangul.
    @usableFromInline
    static let byteRank: [UInt8] = {
        var rank = [UInt8](repeating: 10, count: 256)
        for (i, c) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { rank[Int(c)] = UInt8(200 - i * 6) }
        for c in "ETAOINSHRDLCUMWFGYPBVKJXQZ".utf8 { rank[Int(c)] = 40 }
        for c in " .,\n\"'0123456789".utf8 { rank[Int(c)] = 180 }
        for c: UInt8 in 0xEA...0xED { rank[Int(c)] = 250 }        // Hangul syllable lead bytes
        for c: UInt8 in 0x80...0xBF { rank[Int(c)] = 60 }         // continuation bytes: one value is rare
        rank[0xE2] = 120; rank[0xC2] = 100
        return rank
    }()

    @usableFromInline
    static func slowFind<H: RandomAccessCollection, N: RandomAccessCollection>(_ needle: N, in hay: H) -> Bool
    where H.Element == UInt8, N.Element == UInt8, H.Index == Int, N.Index == Int {
        let n = needle.count
        if n == 0 { return true }
        let h = hay.count
        if n > h { return false }
        let first = needle[needle.startIndex]
        var i = hay.startIndex
        let last = hay.startIndex + (h - n)
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n && hay[i + k] == needle[needle.startIndex + k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    /// The letters and ASCII digits in a String (see the byte form below).
    package static func letterCount(_ s: String) -> Int {
        var copy = s
        return copy.withUTF8 { letterCount($0) }
    }

    /// Letters and ASCII digits in UTF-8 text, a Hangul syllable or a CJK character counting one.
    /// The common scripts are told by range; anything else asks the Unicode properties.
    package static func letterCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        var i = 0
        let count = b.count
        while i < count {
            let c = b[i]
            if c < 0x80 {
                if (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) { n += 1 }
                i += 1
                continue
            }
            var v: UInt32
            var length: Int
            if c >= 0xF0 { v = UInt32(c & 0x07); length = 4 } else if c >= 0xE0 { v = UInt32(c & 0x0F); length = 3 } else if c >= 0xC0 { v = UInt32(c & 0x1F); length = 2 } else { i += 1; continue }
            guard i + length <= count else { break }
            for k in 1..<length { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
            i += length
            switch v {
            case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3131...0x318E, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x386...0x3FF, 0x400...0x52F, 0x5D0...0x5EA, 0x620...0x64A:
                n += 1
            case 0x80...0xBF, 0x2000...0x2BFF, 0x3000...0x303F, 0xFF00...0xFF0F, 0xFE30...0xFE4F:
                break  // punctuation, symbols, spaces
            default:
                if let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic { n += 1 }
            }
        }
        return n
    }
}
