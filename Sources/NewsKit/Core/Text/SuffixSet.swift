/// Words matched at the end of a range of scalars (a trie over reversed words), so a rule can
/// ask "does this token end in a title / particle / suffix?" without building Strings.
struct SuffixSet: Sendable {
    private var trie = ScalarTrie<Int>()
    let words: [String]

    init(_ words: [String]) {
        self.words = words
        for (i, w) in words.enumerated() { trie.insert(String(String.UnicodeScalarView(w.unicodeScalars.reversed())), i) }
    }

    /// The longest word that `text[start..<end]` ends with: its index in ``words`` and length.
    func longest(in text: [Unicode.Scalar], start: Int, end: Int) -> (word: Int, length: Int)? {
        guard end > start else { return nil }
        var best: (Int, Int)?
        trie.walkBackwards(in: text, from: end - 1, downTo: start) { length, payloads in best = (payloads[0], length) }
        return best
    }
}
