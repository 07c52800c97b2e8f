extension TaggerFeatures {
    /// How ``TaggerFeatures`` hashes its features: FNV-style mixing of a feature's template
    /// number and values, then a multiplicative finish that picks a bucket. It reads the text
    /// through pointers that extend two positions past either end (the padding stands for the
    /// text's start and end), so that no read is tested against the text's bounds.
    struct Hasher {
        /// Per position, its value (digits read as `0`, spaces as a space); readable from `-2`.
        let v: UnsafePointer<UInt32>
        /// Per position, its script class; readable from `-2`.
        let cls: UnsafePointer<UInt32>
        /// The table's row count less one.
        let mask: UInt64

        static let bos: UInt32 = 2, eos: UInt32 = 3

        /// The start of a hash of template `t`.
        @inline(__always) static func seed(_ t: UInt64) -> UInt64 { (0xcbf2_9ce4_8422_2325 ^ (t &* 0x1000_0000_01b3)) &* 0x1000_0000_01b3 }
        /// `h` with one more value.
        @inline(__always) static func mix(_ h: UInt64, _ x: UInt32) -> UInt64 { (h ^ UInt64(x)) &* 0x1000_0000_01b3 }

        /// The bucket a finished hash picks.
        @inline(__always) func bucket(_ h: UInt64) -> Int32 {
            var x = h ^ (h >> 31)
            x = x &* 0x9E37_79B9_7F4A_7C15
            return Int32(truncatingIfNeeded: (x >> 20) & mask)
        }

        /// `h0` with up to `limit` values of `a..<b` and their number (longer runs are marked as such).
        @inline(__always) func run(_ h0: UInt64, _ a: Int, _ b: Int, limit: Int) -> UInt64 {
            let len = max(0, b - a)
            var h = Self.mix(h0, UInt32(min(len, limit + 1)))
            if len <= limit { for k in a..<max(a, b) { h = Self.mix(h, v[k]) } }
            return h
        }

        /// What depends only on the word a position is in, and on its neighbours.
        func word(_ span: Range<Int>, before: Range<Int>?, after: Range<Int>?, stemEnd: Int, surname: Bool) -> WordHashes {
            typealias H = Hasher
            let ws = span.lowerBound, we = span.upperBound
            var h17 = H.mix(H.seed(17), H.eos), h19 = H.mix(H.seed(19), H.eos), h27 = H.mix(H.seed(27), H.eos)
            if let next = after {
                let ns = next.lowerBound, ne = next.upperBound
                h17 = H.mix(H.mix(H.seed(17), v[ns]), ne - ns >= 2 ? v[ns + 1] : H.eos)
                h19 = H.mix(H.seed(19), v[ns])
                h27 = run(H.seed(27), ns, min(ne, ns + 3), limit: 3)
            }
            var h18 = H.mix(H.seed(18), H.bos), h28 = H.mix(H.seed(28), H.bos)
            if let previous = before {
                let ps = previous.lowerBound, pe = previous.upperBound
                h18 = H.mix(H.mix(H.seed(18), pe - ps >= 2 ? v[pe - 2] : H.bos), v[pe - 1])
                h28 = run(H.seed(28), ps, pe, limit: 4)
            }
            let h29 = { (first: Bool) in H.mix(H.mix(H.seed(29), first ? 1 : 0), UInt32(min(stemEnd - ws, 6))) }
            let h22 = run(H.seed(22), ws, stemEnd, limit: 6)
            return WordHashes(start: ws, end: we, stemEnd: stemEnd,
                              b16: bucket(H.mix(H.mix(H.seed(16), we - ws >= 2 ? v[we - 2] : H.bos), v[we - 1])),
                              b17: bucket(h17), b18: bucket(h18), b19: bucket(h19), b20: bucket(run(H.seed(20), ws, we, limit: 6)),
                              b22Stem: bucket(H.mix(h22, 1)), b22Particle: bucket(H.mix(h22, 2)),
                              b23: bucket(run(H.seed(23), ws, min(we, ws + 2), limit: 2)),
                              b24: bucket(run(H.seed(24), max(ws, we - 3), we, limit: 3)), b27: bucket(h27), b28: bucket(h28),
                              b29First: bucket(h29(surname)), b29Rest: bucket(h29(false)))
        }

        /// Writes the ``TaggerFeatures/perPosition`` buckets of every position, in order.
        func positions(wordOf: UnsafeBufferPointer<Int32>, words: UnsafeBufferPointer<WordHashes>, into out: UnsafeMutableBufferPointer<Int32>) {
            typealias H = Hasher
            guard var o = out.baseAddress else { return }
            let spaceTail = (UInt64(14)...UInt64(29)).map { bucket(H.mix(H.seed($0), 0)) }
            for i in 0..<wordOf.count {
                let c0 = v[i], p1 = v[i - 1], n1 = v[i + 1], p2 = v[i - 2], n2 = v[i + 2]
                o[0] = bucket(H.seed(0))
                o[1] = bucket(H.mix(H.seed(1), c0))
                o[2] = bucket(H.mix(H.seed(2), p1))
                o[3] = bucket(H.mix(H.seed(3), n1))
                o[4] = bucket(H.mix(H.seed(4), p2))
                o[5] = bucket(H.mix(H.seed(5), n2))
                o[6] = bucket(H.mix(H.mix(H.seed(6), p1), c0))
                o[7] = bucket(H.mix(H.mix(H.seed(7), c0), n1))
                o[8] = bucket(H.mix(H.mix(H.seed(8), p2), p1))
                o[9] = bucket(H.mix(H.mix(H.seed(9), n1), n2))
                o[10] = bucket(H.mix(H.mix(H.seed(10), p1), n1))
                o[11] = bucket(H.mix(H.mix(H.mix(H.seed(11), p1), c0), n1))
                o[12] = bucket(H.mix(H.mix(H.mix(H.seed(12), cls[i - 1]), cls[i]), cls[i + 1]))
                let w = Int(wordOf[i])
                if w < 0 {
                    // A space: what ends before it and what starts after it.
                    o[13] = bucket(H.mix(H.seed(13), 9))
                    for k in 0..<spaceTail.count { o[14 + k] = spaceTail[k] }
                    o += TaggerFeatures.perPosition
                    continue
                }
                let word = words[w]
                let ws = word.start, we = word.end
                let position: UInt32 = we - ws == 1 ? 0 : i == ws ? 1 : i == we - 1 ? 3 : 2
                o[13] = bucket(H.mix(H.mix(H.seed(13), position), cls[i]))
                o[14] = bucket(run(H.seed(14), i + 1, we, limit: 3))
                o[15] = bucket(run(H.seed(15), ws, i, limit: 3))
                o[16] = word.b16
                o[17] = word.b17
                o[18] = word.b19
                o[19] = word.b18
                o[20] = word.b20
                o[21] = bucket(H.mix(H.mix(H.seed(21), c0), position))
                o[22] = i < word.stemEnd ? word.b22Stem : word.b22Particle
                o[23] = word.b23
                o[24] = word.b24
                o[25] = bucket(H.mix(H.mix(H.mix(H.seed(25), c0), n1), n2))
                o[26] = bucket(H.mix(H.mix(H.mix(H.seed(26), p2), p1), c0))
                o[27] = word.b27
                o[28] = word.b28
                o[29] = i == ws ? word.b29First : word.b29Rest
                o += TaggerFeatures.perPosition
            }
        }
    }
}
