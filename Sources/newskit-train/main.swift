import Foundation
import NewsKitCore

// Trains the entity tagger on KLUE-NER and reports its k-fold cross-validated entity F1 per type
// (KLUE's metric: exact span and type). `scripts/train-ner.sh` runs it in a release build.
//
//   newskit-train [--data FILE] [--also FILE[:REPEAT]] [--folds K] [--epochs N] [--bits B] [--seed S] [--out FILE] [--no-out]
//
// `--also` adds sentences in the same format to every training run (repeated REPEAT times,
// default 1), never to the folds scored: `scripts/news-ner-silver.py` writes such a file.

var data = "../shared/corpus/klue-ner/klue-ner-v1.1_dev.tsv"
var folds = 5, epochs = 10, bits = 18
var seed: UInt64 = 1
var out: String? = "Sources/NewsKit/Core/Recognition/entity-tagger.bin"
var also: [(path: String, repeat: Int)] = []
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    var v: String {
        guard let v = args.popFirst() else { FileHandle.standardError.write(Data("newskit-train: \(a) needs a value\n".utf8)); exit(2) }
        return v
    }
    switch a {
    case "--data": data = v
    case "--also":
        let spec = v
        if let colon = spec.lastIndex(of: ":"), let n = Int(spec[spec.index(after: colon)...]) {
            also.append((String(spec[..<colon]), n))
        } else {
            also.append((spec, 1))
        }
    case "--folds": folds = Int(v) ?? folds
    case "--epochs": epochs = Int(v) ?? epochs
    case "--bits": bits = Int(v) ?? bits
    case "--seed": seed = UInt64(v) ?? seed
    case "--out": out = v
    case "--no-out": out = nil
    default:
        FileHandle.standardError.write(Data("newskit-train: unknown option \(a)\n".utf8))
        exit(2)
    }
}
guard let tsv = try? String(contentsOfFile: data, encoding: .utf8) else {
    FileHandle.standardError.write(Data("newskit-train: cannot read \(data) (KLUE-NER's TSV; ../shared/corpus/klue-ner)\n".utf8))
    exit(1)
}
let sentences = TaggedSentence.klue(tsv)
print("\(sentences.count) sentences, \(sentences.reduce(0) { $0 + $1.text.count }) characters from \(data)")
var extra: [TaggedSentence] = []
for (path, times) in also {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("newskit-train: cannot read \(path)\n".utf8))
        exit(1)
    }
    let more = TaggedSentence.klue(text)
    print("\(more.count) sentences from \(path), \(times) time(s) in every training run")
    for _ in 0..<max(1, times) { extra += more }
}
let setup = TaggerTraining(bucketBits: bits, epochs: epochs, seed: seed)

func report(_ e: TaggerEvaluation, _ title: String) {
    print(title)
    print("  type          precision  recall      F1  entities")
    for (name, kind) in [("person", Entity.Kind.person), ("organization", .organization), ("place", .place), ("all", nil)] {
        let s = e.scores(kind)
        print("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0)
              + String(format: "  %9.3f  %6.3f  %6.3f  %8d", s.precision, s.recall, s.f1, s.support))
    }
}

if folds > 1 {
    var total = TaggerEvaluation()
    let margins: [Float] = [0, 15, 30, 45, 60, 80, 100, 130]
    var byMargin = [TaggerEvaluation](repeating: TaggerEvaluation(), count: margins.count)
    for k in 0..<folds {
        let train = sentences.indices.filter { $0 % folds != k }.map { sentences[$0] } + extra
        let test = sentences.indices.filter { $0 % folds == k }.map { sentences[$0] }
        let tagger = setup.train(train)
        var e = TaggerEvaluation()
        for s in test {
            e.add(gold: s.tags, guess: tagger.tags(s.text))
            let scored = tagger.scoredSpans(s.text)
            for (m, threshold) in margins.enumerated() {
                byMargin[m].add(gold: EntityTag.spans(s.tags), guess: scored.filter { $0.margin >= threshold }.map(\.span))
            }
        }
        print(String(format: "fold %d: F1 %.3f", k + 1, e.scores(nil).f1))
        total.add(e)
    }
    report(total, "\(folds)-fold cross-validation (sentence i in fold i mod \(folds)), \(epochs) epochs, 2^\(bits) rows:")
    print("spans kept by their margin (EntityTagger.scoredSpans): precision / recall per type")
    print("  margin    person         organization   place          all")
    for (m, threshold) in margins.enumerated() {
        var line = String(format: "  %6.1f", threshold)
        for kind in [Entity.Kind.person, .organization, .place, nil] {
            let s = byMargin[m].scores(kind)
            line += String(format: "    %.3f / %.3f", s.precision, s.recall)
        }
        print(line)
    }
}
if let out {
    let tagger = setup.train(sentences + extra) { epoch, errors in print("epoch \(epoch): \(errors) sentences mis-tagged") }
    do {
        try tagger.table().write(to: URL(fileURLWithPath: out))
        print("wrote \(out)")
    } catch {
        FileHandle.standardError.write(Data("newskit-train: cannot write \(out): \(error)\n".utf8))
        exit(1)
    }
}
