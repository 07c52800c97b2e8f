/// A trie over Unicode scalars for finding many names in one pass over a text.
///
/// Each stored form carries a payload; ``matches(in:at:)`` lists every form that starts at a
/// position, shortest first, so the caller picks the longest one its boundary rules accept.
struct ScalarTrie<Payload: Sendable>: Sendable {
    private var children: [[UInt32: Int32]] = [[:]]
    private var payloads: [[Payload]] = [[]]

    init() {}

    /// Adds `form` with `payload` (a form may carry several payloads).
    mutating func insert(_ form: String, _ payload: Payload) {
        var node = 0
        for s in form.unicodeScalars {
            if let next = children[node][s.value] { node = Int(next); continue }
            children.append([:])
            payloads.append([])
            children[node][s.value] = Int32(children.count - 1)
            node = children.count - 1
        }
        if node != 0 { payloads[node].append(payload) }
    }

    /// Every stored form starting at `start`: its end (exclusive) and payloads, shortest first.
    func matches(in text: [Unicode.Scalar], at start: Int) -> [(end: Int, payloads: [Payload])] {
        var node = 0
        var i = start
        var found: [(Int, [Payload])] = []
        while i < text.count, let next = children[node][text[i].value] {
            node = Int(next)
            i += 1
            if !payloads[node].isEmpty { found.append((i, payloads[node])) }
        }
        return found
    }

    func child(_ node: Int, _ value: UInt32) -> Int? { children[node][value].map(Int.init) }
    func payloadsAt(_ node: Int) -> [Payload]? { payloads[node].isEmpty ? nil : payloads[node] }

    /// Whether any stored form begins with this scalar (a cheap pre-test).
    func startsWith(_ s: Unicode.Scalar) -> Bool { children[0][s.value] != nil }
}

/// Character classes the entity and date rules use.
enum Scalars {
    static func isHangul(_ s: Unicode.Scalar) -> Bool { s.value >= 0xAC00 && s.value <= 0xD7A3 }
    static func isHanja(_ s: Unicode.Scalar) -> Bool { s.value >= 0x4E00 && s.value <= 0x9FFF }
    static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }
    static func isUpper(_ s: Unicode.Scalar) -> Bool { s.value >= 0x41 && s.value <= 0x5A }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\t" || s == "\u{A0}" || s == "\r" }
    /// Whether a Hangul syllable has a final consonant (받침) of ㄴ or ㄹ: the endings of verb
    /// modifiers (`만난`, `밝힌`, `할`).
    static func endsInNieunOrRieul(_ s: Unicode.Scalar) -> Bool {
        guard isHangul(s) else { return false }
        let final = (s.value - 0xAC00) % 28
        return final == 4 || final == 8
    }
}

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

extension ScalarTrie {
    /// Walks from `text[from]` towards `text[downTo]`, calling `found` with the length of each
    /// stored form matched so far (shortest first).
    func walkBackwards(in text: [Unicode.Scalar], from: Int, downTo: Int, _ found: (Int, [Payload]) -> Void) {
        var node = 0
        var i = from
        while i >= downTo, let next = child(node, text[i].value) {
            node = next
            if let p = payloadsAt(node) { found(from - i + 1, p) }
            i -= 1
        }
    }
}
