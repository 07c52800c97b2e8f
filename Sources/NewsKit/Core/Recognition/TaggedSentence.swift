/// A sentence with a tag per character: training and test data for the entity tagger.
package struct TaggedSentence: Sendable {
    /// The characters.
    package var text: [Unicode.Scalar]
    /// One tag per character.
    package var tags: [EntityTag]

    /// Makes a sentence; `tags` must have one tag per scalar of `text`.
    package init(text: [Unicode.Scalar], tags: [EntityTag]) {
        self.text = text
        self.tags = tags
    }

    /// The sentences of a KLUE-NER file: a `## id<TAB>marked sentence` line opens each, one
    /// `CHAR<TAB>TAG` line per character follows (a space is a character too), a blank line
    /// ends it; other `##` lines are comments.
    /// - Parameter tsv: the file's text.
    /// - Returns: the sentences in file order; lines without a tab are skipped.
    package static func klue(_ tsv: String) -> [TaggedSentence] {
        var out: [TaggedSentence] = []
        var text: [Unicode.Scalar] = [], tags: [EntityTag] = []
        func flush() {
            if !text.isEmpty { out.append(TaggedSentence(text: text, tags: tags)) }
            text = []; tags = []
        }
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty || line.hasPrefix("##") { flush(); continue }
            guard let tab = line.lastIndex(of: "\t") else { continue }
            let chars = line[..<tab].unicodeScalars
            guard chars.count == 1, let c = chars.first else { continue }
            text.append(c)
            tags.append(EntityTag(klue: line[line.index(after: tab)...]))
        }
        flush()
        return out
    }
}
