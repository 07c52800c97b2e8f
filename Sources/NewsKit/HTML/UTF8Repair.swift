/// UTF-8 validation and repair following the WHATWG Encoding standard's UTF-8 decoder:
/// every maximal ill-formed subsequence becomes one U+FFFD.
package enum UTF8Repair {
    /// Whether `bytes` is well-formed UTF-8.
    package static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) == nil }
    }

    /// One pass over the bytes: whether they are valid UTF-8, and whether any byte is non-ASCII.
    package struct Scan {
        package var valid: Bool
        package var hasNonASCII: Bool
        /// Valid UTF-8 with at least one multi-byte character.
        package var validWithMultibyte: Bool { valid && hasNonASCII }
    }

    package static func scan(_ bytes: [UInt8]) -> Scan {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            var nonASCII = false
            while i < n {
                if i + 8 <= n {
                    let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let high = word & 0x8080_8080_8080_8080
                    if high == 0 { i += 8; continue }
                    // Straight to the first non-ASCII byte (little-endian: the lowest flagged byte).
                    i += high.trailingZeroBitCount >> 3
                }
                if b[i] >= 0x80 { nonASCII = true }
                let len = sequenceLength(b, at: i)
                if len == 0 { return Scan(valid: false, hasNonASCII: true) }
                i += len
            }
            return Scan(valid: true, hasNonASCII: nonASCII)
        }
    }

    /// `bytes` unchanged when valid (no copy), else a repaired copy.
    package static func repaired(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let bad = firstInvalidOffset(buffer) else { return bytes }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<bad]))
            repair(buffer, from: bad, into: &out)
            return out
        }
    }

    /// Offset of the first byte that starts an ill-formed sequence, or nil.
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            // ASCII fast path, eight bytes at a time.
            if i + 8 <= n {
                let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let high = word & 0x8080_8080_8080_8080
                if high == 0 { i += 8; continue }
                i += high.trailingZeroBitCount >> 3   // to the first non-ASCII byte, as in `scan`
            }
            let len = sequenceLength(b, at: i)
            if len == 0 { return i }
            i += len
        }
        return nil
    }

    /// Length of the well-formed sequence at `i`, or 0 when it is ill-formed.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = b.count
        let c = b[i]
        if c < 0x80 { return 1 }
        if c >= 0xC2 && c <= 0xDF {
            return i + 1 < n && b[i + 1] & 0xC0 == 0x80 ? 2 : 0
        }
        if c >= 0xE0 && c <= 0xEF {
            guard i + 2 < n else { return 0 }
            let c1 = b[i + 1]
            let lo: UInt8 = c == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = c == 0xED ? 0x9F : 0xBF
            return c1 >= lo && c1 <= hi && b[i + 2] & 0xC0 == 0x80 ? 3 : 0
        }
        if c >= 0xF0 && c <= 0xF4 {
            guard i + 3 < n else { return 0 }
            let c1 = b[i + 1]
            let lo: UInt8 = c == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = c == 0xF4 ? 0x8F : 0xBF
            return c1 >= lo && c1 <= hi && b[i + 2] & 0xC0 == 0x80 && b[i + 3] & 0xC0 == 0x80 ? 4 : 0
        }
        return 0
    }

    private static func repair(_ b: UnsafeBufferPointer<UInt8>, from start: Int, into out: inout [UInt8]) {
        let n = b.count
        var i = start
        while i < n {
            let len = sequenceLength(b, at: i)
            if len > 0 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + len)]))
                i += len
                continue
            }
            // Skip the maximal subpart: the lead byte plus any continuation bytes that were valid so far.
            let c = b[i]
            var skip = 1
            if c >= 0xC2 && c <= 0xF4 {
                let need = c <= 0xDF ? 1 : (c <= 0xEF ? 2 : 3)
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                if c == 0xE0 { lo = 0xA0 } else if c == 0xED { hi = 0x9F } else if c == 0xF0 { lo = 0x90 } else if c == 0xF4 { hi = 0x8F }
                var k = 0
                while k < need && i + 1 + k < n {
                    let x = b[i + 1 + k]
                    if k == 0 ? (x < lo || x > hi) : (x & 0xC0 != 0x80) { break }
                    k += 1
                }
                skip = 1 + k
            }
            out.append(0xEF); out.append(0xBF); out.append(0xBD)
            i += skip
        }
    }
}
