import Foundation
import NewsKitCore

/// `newskit-bench tagger FILE`: nanoseconds per character of the entity tagger over the
/// sentences of a KLUE-format file, by step (features, emissions and decoding together).
enum TaggerSpeed {
    static func run(_ args: [String]) {
        guard let path = args.first, let tsv = try? String(contentsOfFile: path, encoding: .utf8),
              let tagger = EntityTagger.builtIn else { print("usage: newskit-bench tagger KLUE.tsv (and a readable tagger table)"); return }
        let sentences = TaggedSentence.klue(tsv).map(\.text)
        let chars = sentences.reduce(0) { $0 + $1.count }
        var sink = 0
        func time(_ name: String, _ body: ([Unicode.Scalar]) -> Int) {
            let start = DispatchTime.now().uptimeNanoseconds
            for s in sentences { sink &+= body(s) }
            let ns = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(chars)
            print(String(format: "%8.1f ns/char  %@", ns, name))
        }
        for _ in 0..<2 {
            time("features") { TaggerFeatures($0, bucketBits: tagger.bucketBits).count }
            time("features + emissions") { tagger.emissions($0).count }
            time("tags (all)") { tagger.tags($0).count }
        }
        if sink == 42 { print("") }
    }
}
