/// The HTML standard's named character references (`&amp;`, `&nbsp;`, legacy `&copy` …).
///
/// The table is generated from html5lib-tests by `scripts/gen_entities.py` and parsed once.
/// Lookup finds the longest name that prefixes the input, as the tokenizer requires.
struct NamedCharacterReferences: Sendable {
    /// Name bytes of every entry, back to back, sorted by bytes.
    private let pool: [UInt8]
    private let starts: [Int32]      // entry i spans pool[starts[i] ..< starts[i + 1]]
    private let values: [(UInt32, UInt32)]  // one or two code points; the second is 0 when absent

    static let shared = NamedCharacterReferences()

    private init() {
        var pool: [UInt8] = []
        var starts: [Int32] = []
        var values: [(UInt32, UInt32)] = []
        pool.reserveCapacity(16_000)
        for line in NamedCharacterReferences.rawTable.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            starts.append(Int32(pool.count))
            pool.append(contentsOf: line[line.startIndex..<tab])
            let cps = line[line.index(after: tab)...].split(separator: UInt8(ascii: ","))
                .map { UInt32(String(decoding: $0, as: UTF8.self), radix: 16) ?? 0xFFFD }
            values.append((cps[0], cps.count > 1 ? cps[1] : 0))
        }
        starts.append(Int32(pool.count))
        self.pool = pool
        self.starts = starts
        self.values = values
    }

    /// The number of names in the table (with and without their semicolon).
    var count: Int { values.count }

    /// Finds the longest entity name at the start of `input[position..<end]`.
    /// - Returns: the matched length in bytes and the code points, or nil when no name matches.
    func longestMatch(in input: UnsafeBufferPointer<UInt8>, at position: Int) -> (length: Int, first: UInt32, second: UInt32)? {
        var lo = 0
        var hi = values.count
        var best: (Int, UInt32, UInt32)? = nil
        var k = 0
        return pool.withUnsafeBufferPointer { pool in
            while position + k < input.count && k < 40 {
                let c = input[position + k]
                // first entry in [lo, hi) whose byte k is >= c (entries too short sort first)
                var a = lo, b = hi
                while a < b {
                    let m = (a + b) >> 1
                    let s = Int(starts[m]), len = Int(starts[m + 1]) - s
                    if len <= k || pool[s + k] < c { a = m + 1 } else { b = m }
                }
                let newLo = a
                b = hi
                while a < b {
                    let m = (a + b) >> 1
                    let s = Int(starts[m]), len = Int(starts[m + 1]) - s
                    if len <= k || pool[s + k] <= c { a = m + 1 } else { b = m }
                }
                lo = newLo
                hi = a
                if lo >= hi { break }
                k += 1
                if Int(starts[lo + 1] - starts[lo]) == k {
                    best = (k, values[lo].0, values[lo].1)
                }
            }
            return best
        }
    }
}
