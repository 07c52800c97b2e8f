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

    /// The number of UTF-8 bytes (O(1) for native strings, unlike `count`).
    @inlinable public var byteCount: Int { utf8.count }
}

public enum TextSearch {
    /// Whether `needle` occurs in `hay` (memchr on the first byte, then a compare).
    @inlinable
    public static func find<H: RandomAccessCollection, N: RandomAccessCollection>(_ needle: N, in hay: H) -> Bool
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
}
