import Foundation
import NewsKitCore

/// `newskit-bench tagger FILE`: nanoseconds per character of the entity tagger over the
/// sentences of a KLUE-format file, by step (features, emissions and decoding together; the fastest of 7 rounds), and a
/// digest of the features that shows whether a change kept them as they were.
enum TaggerSpeed {
    static func run(_ args: [String]) {
        guard let path = args.first, let tsv = try? String(contentsOfFile: path, encoding: .utf8),
              let tagger = EntityTagger.builtIn else { print("usage: newskit-bench tagger KLUE.tsv (and a readable tagger table)"); return }
        let sentences = TaggedSentence.klue(tsv).map(\.text)
        let chars = sentences.reduce(0) { $0 + $1.count }
        var sink = 0
        // The fastest of several rounds per step: on a shared machine the others measure its load.
        var best: [String: Double] = [:]
        func time(_ name: String, _ body: ([Unicode.Scalar]) -> Int) {
            let start = DispatchTime.now().uptimeNanoseconds
            for s in sentences { sink &+= body(s) }
            let ns = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(chars)
            best[name] = min(best[name] ?? .infinity, ns)
        }
        let steps: [(String, ([Unicode.Scalar]) -> Int)] = [
            ("features", { TaggerFeatures($0, bucketBits: tagger.bucketBits).count }),
            ("features + emissions", { tagger.emissions($0).count }),
            ("tags (all)", { tagger.tags($0).count }),
        ]
        for _ in 0..<7 { for (name, body) in steps { time(name, body) } }
        for (name, _) in steps { print(String(format: "%8.1f ns/char  %@", best[name] ?? 0, name)) }
        // A digest of every feature of every sentence: a change meant to keep the features as they
        // are (a faster way to compute them) must print the same digest as before.
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in sentences {
            for b in TaggerFeatures(s, bucketBits: tagger.bucketBits).buckets { digest = (digest ^ UInt64(UInt32(bitPattern: b))) &* 0x1000_0000_01b3 }
        }
        print(String(format: "features digest %016llx", digest))
        if sink == 42 { print("") }
    }
}
