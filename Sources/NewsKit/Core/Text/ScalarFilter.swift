/// A set of Unicode scalars answered by one bit test, for the per-character pre-tests of text
/// scans (may this character start a name?) where hashing every scalar would cost more than the
/// scan itself. Scalars are kept by their low 16 bits, so a scalar outside the Basic Multilingual
/// Plane may be answered "maybe" for another one: a `true` is a hint to look further, a `false`
/// is certain.
struct ScalarFilter: Sendable {
    private var words = [UInt64](repeating: 0, count: 1024)

    init() {}

    /// A filter holding `scalars`.
    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { insert(s) }
    }

    /// Adds a scalar.
    mutating func insert(_ s: Unicode.Scalar) {
        let v = Int(s.value & 0xFFFF)
        words[v >> 6] |= 1 << UInt64(v & 63)
    }

    /// False when `s` is certainly not in the set; true when it may be.
    @inline(__always) func mayContain(_ s: Unicode.Scalar) -> Bool {
        let v = Int(s.value & 0xFFFF)
        return words.withUnsafeBufferPointer { $0[v >> 6] } & (1 << UInt64(v & 63)) != 0
    }
}
