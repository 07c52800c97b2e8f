#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Up to 64 needles searched for together in one pass: each position's two bytes are looked up
/// in a bitmap of the needles' first two bytes, and only then are needles compared. Far cheaper
/// than one search per needle on the short texts rules look at.
package struct NeedleSet: Sendable {
    let needles: [[UInt8]]
    /// Bit `k` of word `pair >> 6`: a needle starts with the two bytes `pair`.
    let firstPairs: [UInt64]
    /// The needles that start with each first byte, for the candidates of a hit.
    let byFirstByte: [[Int]]
    let shortest: Int

    package init(_ strings: [String]) {
        precondition(strings.count <= 64, "a NeedleSet holds at most 64 needles")
        needles = strings.map { Array($0.utf8) }
        var pairs = [UInt64](repeating: 0, count: 1024)
        var byFirst = [[Int]](repeating: [], count: 256)
        for (k, n) in needles.enumerated() {
            precondition(n.count >= 2, "needles are at least two bytes long")
            let pair = Int(n[0]) << 8 | Int(n[1])
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            byFirst[Int(n[0])].append(k)
        }
        firstPairs = pairs
        byFirstByte = byFirst
        shortest = needles.map(\.count).min() ?? 2
    }

    /// Bit `k` set when needle `k` occurs in the text.
    package func matches(in text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }

    package func matches(in b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard b.count >= shortest, let base = b.baseAddress else { return 0 }
        var found: UInt64 = 0
        var i = 0
        let last = b.count - 1
        let bitmap = firstPairs
        while i < last {
            let pair = Int(base[i]) << 8 | Int(base[i + 1])
            if bitmap.withUnsafeBufferPointer({ $0[pair >> 6] }) & (1 << UInt64(pair & 63)) != 0 {
                for k in byFirstByte[Int(b[i])] {
                    let n = needles[k]
                    if i + n.count <= b.count, n[1] == b[i + 1], memcmp(base + i, n, n.count) == 0 { found |= 1 << UInt64(k) }
                }
            }
            i += 1
        }
        return found
    }
}
