import Foundation

/// Two logistic models over ``BlockFeatures`` that say how likely a text block is part of the
/// article: one for the blocks the container pick chose (left out below `dropBelow`), one for
/// those it did not (taken in above `addAbove`). The two populations differ enough that one
/// linear model for both serves neither.
///
/// The weights are fitted by `scripts/fit-blocks.py` on the training part of `../shared/corpus`
/// and ship as `Extraction/block-classifier.json`; anyone can refit them and point
/// `NEWSKIT_BLOCK_WEIGHTS` at the new file to try it without rebuilding.
package struct BlockClassifier: Sendable, Codable {
    /// Feature names, in the order of the models' arrays; must equal ``BlockFeatures/names``.
    package var features: [String]
    /// The model for blocks the container pick chose.
    package var inside: LogisticModel
    /// The model for blocks it did not choose.
    package var outside: LogisticModel
    /// Chosen blocks below this probability are left out.
    package var dropBelow: Double
    /// Blocks not chosen above this probability are taken in.
    package var addAbove: Double

    /// The probability that the block is article text, by the model for its side of the pick.
    package func probability(_ f: BlockFeatures, chosen: Bool) -> Double {
        (chosen ? inside : outside).probability(f.values)
    }

    /// Reads weights from a JSON file.
    /// - Parameter url: the file.
    /// - Returns: the classifier; nil when the file cannot be read or does not name the features
    ///   this build computes (weights for another feature set would mean nothing).
    package static func load(_ url: URL) -> BlockClassifier? {
        guard let data = try? Data(contentsOf: url),
              let c = try? JSONDecoder().decode(BlockClassifier.self, from: data),
              c.features == BlockFeatures.names, c.inside.fits(c.features.count), c.outside.fits(c.features.count) else { return nil }
        return c
    }

    /// The shipped weights, or those of the file `NEWSKIT_BLOCK_WEIGHTS` names; nil when neither
    /// can be read, and the extractor then keeps the container pick as it is.
    package static let builtIn: BlockClassifier? =
        BundledResource.url(named: "block-classifier.json", besideSource: #filePath, overriddenBy: "NEWSKIT_BLOCK_WEIGHTS").flatMap(load)
}

extension BlockClassifier {
    /// What ``refine(_:blocks:document:containers:)`` decided, block by block.
    package struct Refinement {
        /// The content blocks: those inside the containers that stay, with those taken in, in
        /// page order, then the related-article runs as they were.
        package var blocks: [Block]
        /// Every text block's features and probability.
        package var scored: [(features: BlockFeatures, probability: Double)]
        /// Indices of the blocks left out and taken in.
        package var dropped: Set<Int>
        package var added: Set<Int>
    }

    /// The container pick, corrected block by block: a chosen block whose probability is below
    /// ``dropBelow`` is left out, unless the assembler reads something from it (a byline, an
    /// e-mail line, a caption, a related-article heading and the teasers under it); a text block
    /// outside the pick whose probability is above ``addAbove`` is taken in.
    package func refine(_ parts: (inside: [Block], related: [Block]), blocks: [Block], document: Document,
                        containers: [HTMLNode]) -> Refinement {
        let chosen = Set(parts.inside.map(\.index)).union(parts.related.map(\.index))
        let features = BlockFeatures.compute(blocks, document: document, content: chosen, containers: containers)
        var scored: [(features: BlockFeatures, probability: Double)] = []
        scored.reserveCapacity(features.count)
        var dropped: Set<Int> = [], added: Set<Int> = []
        var related = Set(parts.related.map(\.index))
        // A related-article heading inside the pick and the linked blocks under it are the
        // assembler's to turn into teasers.
        var inRun = false
        for b in parts.inside {
            if RelatedBlocks.sectionTitle(b.text) != nil { inRun = true; related.insert(b.index); continue }
            if inRun, !b.links.isEmpty || b.role == .image { related.insert(b.index) } else { inRun = false }
        }
        for f in features {
            let b = blocks[f.block]
            let isChosen = chosen.contains(b.index)
            let p = probability(f, chosen: isChosen)
            scored.append((f, p))
            if isChosen {
                if p < dropBelow, !related.contains(b.index), Self.isDroppable(b) { dropped.insert(b.index) }
            } else if p > addAbove {
                added.insert(b.index)
            }
        }
        var inside = parts.inside.filter { !dropped.contains($0.index) }
        if !added.isEmpty {
            inside += blocks.filter { added.contains($0.index) }
            inside.sort { $0.index < $1.index }
        }
        return Refinement(blocks: inside + parts.related, scored: scored, dropped: dropped, added: added)
    }

    /// Whether a block carries nothing the assembler reads besides body text (related-article
    /// headings and their teasers are kept out of dropping before this is asked).
    static func isDroppable(_ b: Block) -> Bool {
        let text = b.text
        if Emails.isEmailOnlyLine(text) || Captions.looksLikeCaption(text) { return false }
        if text.count <= 120, Bylines.bylineLine(text) != nil { return false }
        return true
    }
}
