#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring tests over UTF-8 bytes. Foundation's `contains(_:)` on `String` goes through
/// CFString with locale-aware folding, which is far too slow to run on every block of a page.
extension StringProtocol {
    /// Whether the string contains `needle`, compared byte for byte (exact, case-sensitive).
    @inlinable
    public func has(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in TextSearch.find(n, in: h) }
        }
        if let f = found, let result = f { return result }
        return TextSearch.find(Array(needle.utf8), in: Array(utf8))
    }

    /// Whether the string contains any of the needles.
    @inlinable
    public func hasAny(_ needles: [String]) -> Bool {
        for n in needles where has(n) { return true }
        return false
    }

    /// Whether the string starts with `prefix`, byte for byte (no Unicode equivalence: both
    /// sides are NFC in practice, and the test is far cheaper than `hasPrefix`).
    @inlinable
    public func hasBytePrefix(_ prefix: String) -> Bool {
        let p = prefix.utf8
        let u = utf8
        guard u.count >= p.count else { return false }
        if let r = u.withContiguousStorageIfAvailable({ h in
            p.withContiguousStorageIfAvailable { n in n.isEmpty || memcmp(h.baseAddress!, n.baseAddress!, n.count) == 0 }
        }), let result = r {
            return result
        }
        return u.starts(with: p)
    }

    /// Whether the string ends with `suffix`, byte for byte.
    @inlinable
    public func hasByteSuffix(_ suffix: String) -> Bool {
        let p = suffix.utf8
        let u = utf8
        guard u.count >= p.count else { return false }
        if let r = u.withContiguousStorageIfAvailable({ h in
            p.withContiguousStorageIfAvailable { n in n.isEmpty || memcmp(h.baseAddress! + (h.count - n.count), n.baseAddress!, n.count) == 0 }
        }), let result = r {
            return result
        }
        return u.suffix(p.count).elementsEqual(p)
    }

    /// The number of UTF-8 bytes (O(1) for native strings, unlike `count`).
    @inlinable public var byteCount: Int { utf8.count }
}

extension StringProtocol {
    /// Without leading and trailing spaces and line breaks (ASCII, NBSP, ideographic space), cheaply.
    public func trimmingSpaces() -> String {
        trimmingScalars { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" || $0 == "\u{3000}" }
    }

    /// Without leading and trailing characters from `characters` (and nothing else), cheaply.
    public func trimming(_ characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        return trimmingScalars { set.contains($0) }
    }

    /// Without the leading and trailing scalars `isTrimmed` accepts.
    @inlinable
    public func trimmingScalars(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isTrimmed(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex, let s = self as? String { return s }
        return String(self[start..<end])
    }
}

public enum TextSearch {
    /// Whether `needle` occurs in `hay` (`memchr` for the first byte, `memcmp` for the rest, on
    /// contiguous storage).
    @inlinable
    public static func find<H: RandomAccessCollection, N: RandomAccessCollection>(_ needle: N, in hay: H) -> Bool
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
        let first = Int32(nb[0])
        var offset = 0
        let lastStart = h.count - n.count
        while offset <= lastStart {
            guard let hit = memchr(hb + offset, first, lastStart - offset + 1) else { return false }
            let at = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if n.count == 1 || memcmp(hb + at + 1, nb + 1, n.count - 1) == 0 { return true }
            offset = at + 1
        }
        return false
    }

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

    /// Letters and ASCII digits in UTF-8 text, a Hangul syllable or a CJK character counting one.
    /// The common scripts are told by range; anything else asks the Unicode properties.
    public static func letterCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
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
