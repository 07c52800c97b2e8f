import Foundation
import NewsKit

/// The lines of `dom --blocks`: for each text block of a page, what the generic extractor's
/// block classifier reads of it and what the article keeps.
enum BlockListing {
    /// One JSON object per text block: `path`, `block` (its index), `text`, `x` (the features in
    /// ``BlockFeatures/names`` order), `p` (the shipped classifier's probability, absent without
    /// one) and `kept` (whether the generic reading keeps the block in the article's content).
    static func lines(path: String, page: Page) -> [String] {
        guard let document = try? Document(page: page), document.html != nil else { return [] }
        let blocks = document.blocks
        let containers = GenericExtractor.mainContainers(blocks, document: document)
        guard !containers.isEmpty else { return [] }
        let parts = GenericExtractor.articleParts(blocks, containers: containers)
        let chosen = Set(parts.inside.map(\.index)).union(parts.related.map(\.index))
        // With a classifier, its refinement holds the features it read; without one, read them.
        let refinement = BlockClassifier.builtIn?.refine(parts, blocks: blocks, document: document, containers: containers)
        let features = refinement?.scored.map(\.features)
            ?? BlockFeatures.compute(blocks, document: document, content: chosen, containers: containers)
        var probability: [Int: Double] = [:]
        for s in refinement?.scored ?? [] { probability[s.features.block] = s.probability }
        let kept = refinement.map { Set($0.blocks.map(\.index)) } ?? chosen
        return features.map { f in
            var fields = [
                "path": JSONLiteral.quote(path),
                "block": String(f.block),
                "text": JSONLiteral.quote(blocks[f.block].text),
                "x": "[" + f.values.map { String(format: "%.5g", $0) }.joined(separator: ",") + "]",
                "kept": kept.contains(blocks[f.block].index) ? "true" : "false",
            ]
            if let p = probability[f.block] { fields["p"] = String(format: "%.4f", p) }
            return JSONLiteral.object(fields)
        }
    }
}
