/// Entity-level scores of a tagger on tagged sentences, as KLUE-NER counts them: an entity is
/// right when its span and its type both match exactly.
package struct TaggerEvaluation: Sendable {
    /// Per type, the entities found right, found wrong and missed.
    package var counts: [Entity.Kind: (tp: Int, fp: Int, fn: Int)] = [:]

    package init() {}

    /// Adds a sentence's decoded tags against its gold tags.
    package mutating func add(gold: [EntityTag], guess: [EntityTag]) {
        add(gold: EntityTag.spans(gold), guess: EntityTag.spans(guess))
    }

    /// Adds a sentence's found entities against its gold entities.
    package mutating func add(gold: [TaggedSpan], guess: [TaggedSpan]) {
        let g = Set(gold), p = Set(guess)
        for s in g { counts[s.kind, default: (0, 0, 0)].fn += p.contains(s) ? 0 : 1 }
        for s in p {
            if g.contains(s) { counts[s.kind, default: (0, 0, 0)].tp += 1 } else { counts[s.kind, default: (0, 0, 0)].fp += 1 }
        }
    }

    /// Adds another evaluation's counts (the folds of a cross-validation).
    package mutating func add(_ other: TaggerEvaluation) {
        for (k, c) in other.counts {
            let m = counts[k, default: (0, 0, 0)]
            counts[k] = (m.tp + c.tp, m.fp + c.fp, m.fn + c.fn)
        }
    }

    /// Precision, recall and F1 for one type, or for all types together (micro average) when nil.
    package func scores(_ kind: Entity.Kind?) -> (precision: Double, recall: Double, f1: Double, support: Int) {
        var tp = 0, fp = 0, fn = 0
        for (k, c) in counts where kind == nil || k == kind { tp += c.tp; fp += c.fp; fn += c.fn }
        let p = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let r = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp + fn)
    }
}
