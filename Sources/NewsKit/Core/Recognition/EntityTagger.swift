import Foundation

/// A statistical named-entity tagger: a linear model over ``TaggerFeatures`` with first-order
/// tag transitions, decoded by Viterbi into BIO tags (``EntityTag``), so that every character
/// is labelled in the light of its neighbours' labels.
///
/// The weights are learned from KLUE-NER by `scripts/train-ner.sh` (an averaged perceptron,
/// ``TaggerTraining``) and ship as the binary resource `Recognition/entity-tagger.bin`, licensed
/// CC BY-SA 4.0 as the data it was learned from (`entity-tagger.LICENSE.md` beside it).
/// `NEWSKIT_TAGGER=FILE` loads another table in its place.
package struct EntityTagger: Sendable {
    /// The table has `1 << bucketBits` rows of ``EntityTag/count`` weights.
    package let bucketBits: Int
    /// Weights, row by row, as `Int8` multiples of ``scale``, from byte `weightOffset` of
    /// `weightBytes` (the shipped table is read in place, mapped from its file). A row holds
    /// ``rowWidth`` values, the tags' and zeros after them, so that one aligned 8-byte load
    /// reads it.
    let weightBytes: Data
    let weightOffset: Int
    /// What one unit of ``weights`` is worth.
    package let scale: Float
    /// Transition scores: row 0 from the start, row `p + 1` from tag `p`; ``EntityTag/count`` columns.
    package let transitions: [Float]

    /// Makes a tagger from its tables.
    /// - Parameters:
    ///   - bucketBits: the table's size, as a power of two.
    ///   - weights: `(1 << bucketBits) * EntityTag.count` quantized weights, row by row.
    ///   - scale: the value of one unit of `weights`.
    ///   - transitions: `(EntityTag.count + 1) * EntityTag.count` scores.
    package init(bucketBits: Int, weights: [Int8], scale: Float, transitions: [Float]) {
        let L = EntityTag.count
        var bytes = Data(count: (1 << bucketBits) * Self.rowWidth)
        bytes.withUnsafeMutableBytes { out in
            for k in 0..<min(weights.count, (1 << bucketBits) * L) {
                out.storeBytes(of: weights[k], toByteOffset: (k / L) * Self.rowWidth + k % L, as: Int8.self)
            }
        }
        self.init(bucketBits: bucketBits, weightBytes: bytes, weightOffset: 0, scale: scale, transitions: transitions)
    }

    /// Values per stored row: ``EntityTag/count`` weights, then zeros.
    static let rowWidth = 8

    init(bucketBits: Int, weightBytes: Data, weightOffset: Int, scale: Float, transitions: [Float]) {
        self.bucketBits = bucketBits
        self.weightBytes = weightBytes
        self.weightOffset = weightOffset
        self.scale = scale
        self.transitions = transitions
    }

    /// The tags of every position of a text.
    /// - Parameter text: the characters, as Unicode scalars.
    /// - Returns: one tag per scalar.
    package func tags(_ text: [Unicode.Scalar]) -> [EntityTag] {
        let emission = emissions(text)
        return Self.viterbi(emission: emission, count: text.count, transitions: transitions)
    }

    /// The entities of a text with how sure the model is of each: the mean, over the span's
    /// characters, of the score of the decoded tag less the score of ``EntityTag/outside``.
    /// - Parameter text: the characters, as Unicode scalars.
    /// - Returns: the spans in order, each with its margin (above 0; higher is surer).
    package func scoredSpans(_ text: [Unicode.Scalar]) -> [(span: TaggedSpan, margin: Float)] {
        let emission = emissions(text)
        let tags = Self.viterbi(emission: emission, count: text.count, transitions: transitions)
        let L = EntityTag.count
        return EntityTag.spans(tags).map { span in
            var sum: Float = 0
            for i in span.start..<span.end { sum += emission[i * L + tags[i].rawValue] - emission[i * L] }
            return (span, sum / Float(span.end - span.start))
        }
    }

    /// Per position and tag, the sum of the weights of the position's features.
    package func emissions(_ text: [Unicode.Scalar]) -> [Float] {
        let features = TaggerFeatures(text, bucketBits: bucketBits)
        let L = EntityTag.count, F = TaggerFeatures.perPosition
        var emission = [Float](repeating: 0, count: text.count * L)
        let base = weightOffset, stride = Self.rowWidth, scale = self.scale
        // A position's sum fits 16 bits: at most `F` weights of at most 127 each.
        assert(F * Int(Int8.max) <= Int(Int16.max))
        weightBytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            features.buckets.withUnsafeBufferPointer { (b: UnsafeBufferPointer<Int32>) in
                emission.withUnsafeMutableBufferPointer { (out: inout UnsafeMutableBufferPointer<Float>) in
                    for i in 0..<features.count {
                        var sums = SIMD8<Int16>()
                        for f in 0..<F {
                            let row: SIMD8<Int8> = raw.loadUnaligned(fromByteOffset: base + Int(b[i * F + f]) * stride, as: SIMD8<Int8>.self)
                            sums &+= SIMD8<Int16>(truncatingIfNeeded: row)
                        }
                        let e = i * L
                        for l in 0..<L { out[e + l] = Float(sums[l]) * scale }
                    }
                }
            }
        }
        return emission
    }

    /// The entities of a text.
    /// - Parameter text: the characters, as Unicode scalars.
    /// - Returns: the spans the decoded tags mark, in order.
    package func spans(_ text: [Unicode.Scalar]) -> [TaggedSpan] { EntityTag.spans(tags(text)) }

    /// The best tag sequence under emission and transition scores, with inside tags allowed
    /// only after their own type (``EntityTag/canFollow(_:)``).
    package static func viterbi(emission: [Float], count n: Int, transitions: [Float]) -> [EntityTag] {
        guard n > 0 else { return [] }
        let L = EntityTag.count
        // Transitions with the forbidden ones at -inf: the inner loop is then plain arithmetic.
        var allowed = transitions
        for t in EntityTag.allCases {
            if !t.canFollow(nil) { allowed[t.rawValue] = -.infinity }
            for p in EntityTag.allCases where !t.canFollow(p) { allowed[(p.rawValue + 1) * L + t.rawValue] = -.infinity }
        }
        var back = [UInt8](repeating: 0, count: n * L)
        var score = [Float](repeating: -.infinity, count: L), next = score
        for t in 0..<L { score[t] = allowed[t] + emission[t] }
        allowed.withUnsafeBufferPointer { tr in
            emission.withUnsafeBufferPointer { em in
                back.withUnsafeMutableBufferPointer { bk in
                    for i in 1..<n {
                        for t in 0..<L {
                            var best = score[0] + tr[L + t], arg = 0
                            for p in 1..<L {
                                let v = score[p] + tr[(p + 1) * L + t]
                                if v > best { best = v; arg = p }
                            }
                            next[t] = best + em[i * L + t]
                            bk[i * L + t] = UInt8(arg)
                        }
                        swap(&score, &next)
                    }
                }
            }
        }
        var last = 0
        for t in 1..<L where score[t] > score[last] { last = t }
        var out = [EntityTag](repeating: .outside, count: n)
        var k = last
        for i in stride(from: n - 1, through: 0, by: -1) {
            out[i] = EntityTag(rawValue: k)!
            k = Int(back[i * L + k])
        }
        return out
    }
}
