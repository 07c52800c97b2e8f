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
        // Values and script classes, with `pad` positions each side standing for the text's
        // start (`bos`, class 7) and end (`eos`, class 8): neighbours are read without a test.
        let pad = 2, bos: UInt32 = 2, eos: UInt32 = 3
        var v = [UInt32](repeating: eos, count: n + 2 * pad), cls = [UInt32](repeating: 8, count: n + 2 * pad)
        for k in 0..<pad { v[k] = bos; cls[k] = 7 }
        for i in 0..<n {
            let c = text[i]
            if ScalarClass.isDigit(c) { v[i + pad] = 0x30; cls[i + pad] = 3 }
            else if ScalarClass.isSpace(c) { v[i + pad] = 0x20; cls[i + pad] = 0 }
            else {
                v[i + pad] = c.value
                cls[i + pad] = ScalarClass.isHangul(c) ? 1 : ScalarClass.isASCIIAlnum(c) ? 2 : ScalarClass.isHanja(c) ? 4
                    : c.value < 0x80 ? 6 : c.properties.isAlphabetic ? 5 : 6
            }
        }
        // The eojeol of every position (a space belongs to none), and the words in order.
        var wordOf = [Int32](repeating: -1, count: n)
        var spans: [Range<Int>] = []
        var i = 0
        while i < n {
            if cls[i + pad] == 0 { i += 1; continue }
            let s = i
            while i < n, cls[i + pad] != 0 { i += 1 }
            for k in s..<i { wordOf[k] = Int32(spans.count) }
            spans.append(s..<i)
        }
        let stemEnds = spans.map { Self.stemEnd(text, $0.lowerBound, $0.upperBound) }
        let surnames = spans.indices.map { w in
            Self.surnames.contains(text[spans[w].lowerBound]) && (2...4).contains(stemEnds[w] - spans[w].lowerBound)
        }
        var out = [Int32](repeating: 0, count: n * Self.perPosition)
        v.withUnsafeBufferPointer { v in
            cls.withUnsafeBufferPointer { cls in
                let hasher = Hasher(v: v.baseAddress! + pad, cls: cls.baseAddress! + pad, mask: UInt64((1 << bucketBits) - 1))
                let words = spans.indices.map { w in
                    hasher.word(spans[w], before: w > 0 ? spans[w - 1] : nil, after: w + 1 < spans.count ? spans[w + 1] : nil,
                                stemEnd: stemEnds[w], surname: surnames[w])
                }
                wordOf.withUnsafeBufferPointer { wordOf in
                    words.withUnsafeBufferPointer { words in
                        out.withUnsafeMutableBufferPointer { out in hasher.positions(wordOf: wordOf, words: words, into: out) }
                    }
                }
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
