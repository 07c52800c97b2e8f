/// The features the entity tagger reads at every position of a text, hashed into a fixed
/// number of buckets (no dictionary of feature strings is kept, in training or in use).
///
/// Around each character: the characters two before and two after, alone and in pairs and a
/// triple; their script classes; where the character stands in its eojeol (the space-separated
/// word) and what the eojeol holds before and after it (the particle a name ends with: `경찰은`,
/// `푸틴과`); the eojeol itself when short; the ends of the eojeols before and after it (a title
/// or `씨` after a name, `부장` before one). Digits read as one digit.
package struct TaggerFeatures: Sendable {
    /// How many features each position has.
    package static let perPosition = 30

    /// For position `i`, its features are `buckets[i * perPosition ..< (i + 1) * perPosition]`.
    package let buckets: [Int32]
    /// How many positions the text has.
    package let count: Int

    /// Computes the features of a text.
    /// - Parameters:
    ///   - text: the characters, as Unicode scalars.
    ///   - bucketBits: the table has `1 << bucketBits` rows; a feature's hash picks one.
    package init(_ text: [Unicode.Scalar], bucketBits: Int) {
        let n = text.count
        count = n
        let mask = UInt64((1 << bucketBits) - 1)
        var vBuffer = [UInt32](repeating: 0, count: n)
        var clsBuffer = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            let c = text[i]
            if ScalarClass.isDigit(c) { vBuffer[i] = 0x30; clsBuffer[i] = 3 }
            else if ScalarClass.isSpace(c) { vBuffer[i] = 0x20; clsBuffer[i] = 0 }
            else {
                vBuffer[i] = c.value
                clsBuffer[i] = ScalarClass.isHangul(c) ? 1 : ScalarClass.isASCIIAlnum(c) ? 2 : ScalarClass.isHanja(c) ? 4
                    : c.value < 0x80 ? 6 : c.properties.isAlphabetic ? 5 : 6
            }
        }
        // Constants from here on: the local functions below read them without access checks.
        let v = vBuffer, cls = clsBuffer
        // The eojeol of every position (a space is a word of its own), and the words in order.
        var wordOf = [Int32](repeating: -1, count: n)
        var starts: [Int] = [], ends: [Int] = []
        var i = 0
        while i < n {
            if cls[i] == 0 { i += 1; continue }
            let s = i
            while i < n, cls[i] != 0 { i += 1 }
            for k in s..<i { wordOf[k] = Int32(starts.count) }
            starts.append(s)
            ends.append(i)
        }
        let bos: UInt32 = 2, eos: UInt32 = 3
        @inline(__always) func at(_ k: Int) -> UInt32 { k < 0 ? bos : k >= n ? eos : v[k] }
        @inline(__always) func clsAt(_ k: Int) -> UInt32 { k < 0 ? 7 : k >= n ? 8 : cls[k] }
        var out = [Int32](repeating: 0, count: n * Self.perPosition)
        out.withUnsafeMutableBufferPointer { o in
            var slot = 0
            @inline(__always) func put(_ h: UInt64) {
                var x = h ^ (h >> 31)
                x = x &* 0x9E37_79B9_7F4A_7C15
                o[slot] = Int32(truncatingIfNeeded: (x >> 20) & mask)
                slot += 1
            }
            @inline(__always) func seed(_ t: UInt64) -> UInt64 { (0xcbf2_9ce4_8422_2325 ^ (t &* 0x1000_0000_01b3)) &* 0x1000_0000_01b3 }
            @inline(__always) func mix(_ h: UInt64, _ x: UInt32) -> UInt64 { (h ^ UInt64(x)) &* 0x1000_0000_01b3 }
            /// Up to `limit` scalars of `a..<b`, with the length (longer runs are marked as such).
            @inline(__always) func run(_ h0: UInt64, _ a: Int, _ b: Int, limit: Int) -> UInt64 {
                var h = h0
                let len = max(0, b - a)
                h = mix(h, UInt32(min(len, limit + 1)))
                if len <= limit { for k in a..<max(a, b) { h = mix(h, v[k]) } }
                return h
            }
            // What depends on the word only is hashed once per word.
            struct Word { var h16, h17, h19, h18, h20, h22, h23, h24, h27, h28: UInt64; var stemEnd: Int; var surname: Bool }
            var words: [Word] = []
            words.reserveCapacity(starts.count)
            for w in 0..<starts.count {
                let ws = starts[w], we = ends[w]
                let h16 = mix(mix(seed(16), we - ws >= 2 ? v[we - 2] : bos), v[we - 1])
                var h17 = mix(seed(17), eos), h19 = mix(seed(19), eos), h27 = mix(seed(27), eos)
                if w + 1 < starts.count {
                    let ns = starts[w + 1], ne = ends[w + 1]
                    h17 = mix(mix(seed(17), v[ns]), ne - ns >= 2 ? v[ns + 1] : eos)
                    h19 = mix(seed(19), v[ns])
                    h27 = run(seed(27), ns, min(ne, ns + 3), limit: 3)
                }
                var h18 = mix(seed(18), bos), h28 = mix(seed(28), bos)
                if w > 0 {
                    let ps = starts[w - 1], pe = ends[w - 1]
                    h18 = mix(mix(seed(18), pe - ps >= 2 ? v[pe - 2] : bos), v[pe - 1])
                    h28 = run(seed(28), ps, pe, limit: 4)
                }
                // The word without its particle (whether a character is in the particle is per character).
                let stemEnd = Self.stemEnd(text, ws, we)
                words.append(Word(h16: h16, h17: h17, h19: h19, h18: h18, h20: run(seed(20), ws, we, limit: 6),
                                  h22: run(seed(22), ws, stemEnd, limit: 6), h23: run(seed(23), ws, min(we, ws + 2), limit: 2),
                                  h24: run(seed(24), max(ws, we - 3), we, limit: 3), h27: h27, h28: h28, stemEnd: stemEnd,
                                  surname: Self.surnames.contains(text[ws]) && stemEnd - ws >= 2 && stemEnd - ws <= 4))
            }
            let spaceTail = (UInt64(14)...UInt64(29)).map { mix(seed($0), 0) }
            let fixed = (0...29).map { seed(UInt64($0)) }
            for i in 0..<n {
                let c0 = v[i], p1 = at(i - 1), n1 = at(i + 1), p2 = at(i - 2), n2 = at(i + 2)
                put(fixed[0])
                put(mix(fixed[1], c0))
                put(mix(fixed[2], p1))
                put(mix(fixed[3], n1))
                put(mix(fixed[4], p2))
                put(mix(fixed[5], n2))
                put(mix(mix(fixed[6], p1), c0))
                put(mix(mix(fixed[7], c0), n1))
                put(mix(mix(fixed[8], p2), p1))
                put(mix(mix(fixed[9], n1), n2))
                put(mix(mix(fixed[10], p1), n1))
                put(mix(mix(mix(fixed[11], p1), c0), n1))
                put(mix(mix(mix(fixed[12], clsAt(i - 1)), cls[i]), clsAt(i + 1)))
                let w = Int(wordOf[i])
                if w < 0 {
                    // A space: what ends before it and what starts after it.
                    put(mix(fixed[13], 9))
                    for h in spaceTail { put(h) }
                    continue
                }
                let ws = starts[w], we = ends[w], word = words[w]
                let position: UInt32 = we - ws == 1 ? 0 : i == ws ? 1 : i == we - 1 ? 3 : 2
                put(mix(mix(fixed[13], position), cls[i]))
                put(run(fixed[14], i + 1, we, limit: 3))
                put(run(fixed[15], ws, i, limit: 3))
                put(word.h16)
                put(word.h17)
                put(word.h19)
                put(word.h18)
                put(word.h20)
                put(mix(mix(fixed[21], c0), position))
                put(mix(word.h22, i < word.stemEnd ? 1 : 2))
                put(word.h23)
                put(word.h24)
                put(mix(mix(mix(fixed[25], c0), n1), n2))
                put(mix(mix(mix(fixed[26], p2), p1), c0))
                put(word.h27)
                put(word.h28)
                put(mix(mix(fixed[29], i == ws && word.surname ? 1 : 0), UInt32(min(word.stemEnd - ws, 6))))
            }
        }
        buckets = out
    }

    /// Where the word `ws..<we` ends without the longest particle it ends with (never empty).
    static func stemEnd(_ text: [Unicode.Scalar], _ ws: Int, _ we: Int) -> Int {
        if let m = particles.longest(in: text, start: ws, end: we), m.length < we - ws { return we - m.length }
        return we
    }

    /// Particles (josa) and the copula endings a noun takes in running text. This list and
    /// ``surnames`` define features the shipped table was trained on: they are the tagger's own
    /// (not the recognizer's `particles` and `surnames`), and changing either means retraining.
    static let particles = SuffixSet(["은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "으로", "에서", "에게",
                                      "께서", "부터", "까지", "처럼", "보다", "만", "이나", "나", "랑", "이랑", "한테", "에는", "에서는",
                                      "으로는", "로는", "과의", "와의", "이다", "였다", "이었다", "이라고", "라고", "이라는", "라는", "측은"])

    /// The most common Korean surnames.
    static let surnames: Set<Unicode.Scalar> = Set("김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁".unicodeScalars)
}
