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
    package func has(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in TextSearch.find(n, in: h) }
        }
        if let f = found, let result = f { return result }
        return TextSearch.find(Array(needle.utf8), in: Array(utf8))
    }

    /// Whether the string contains any of the needles.
    @inlinable
    package func hasAny(_ needles: [String]) -> Bool {
        for n in needles where has(n) { return true }
        return false
    }

    /// Whether the string starts with `prefix`, byte for byte (no Unicode equivalence: both
    /// sides are NFC in practice, and the test is far cheaper than `hasPrefix`).
    @inlinable
    package func hasBytePrefix(_ prefix: String) -> Bool {
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
    package func hasByteSuffix(_ suffix: String) -> Bool {
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
    @inlinable package var byteCount: Int { utf8.count }
}
